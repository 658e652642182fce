package org.openoqs.server.office;

import java.time.LocalDate;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.card.CardPinService;
import org.openoqs.server.card.CardRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuing office's card administration (docs/card-path.md, "PIN lock and unlock"), behind the office chain
 * ({@link OfficeApiSecurity}): only issuing-office certificates get here.
 * <ul>
 *   <li>{@code POST /api/v1/office/cards/{cardId}/pin-unlock} — body optional {@code {"operator": "..."}} →
 *       {@code {cardId, status, previousStatus, generation}};</li>
 *   <li>{@code GET /api/v1/office/cards/{cardId}} — {@code {cardId, status, certificateExpiry, pinResetGeneration,
 *       pinResetAt}}: the card's state, no personal data.</li>
 * </ul>
 * Refusals are JSON {@code {"errorCode","message"}}: 400 (operator), 404 ({@code OQSP3001}), 409 ({@code OQSP3006},
 * {@code OQSP3007}: the certificate must be re-issued, not the PIN).
 */
@RestController
@RequestMapping("/api/v1/office/cards")
public class OfficeCardController {

    public static final String STATUS_ACTION = "OFFICE_CARD_STATUS";
    /** Long enough for a name and a desk number; the audit's actor column has room for it with the office id. */
    static final int MAX_OPERATOR_LENGTH = 64;

    private final CardPinService pins;
    private final CardRegistry cards;
    private final AuditLog audit;

    public OfficeCardController(CardPinService pins, CardRegistry cards, AuditLog audit) {
        this.pins = pins;
        this.cards = cards;
        this.audit = audit;
    }

    public record UnlockRequest(String operator) {
    }

    public record UnlockResponse(String cardId, String status, String previousStatus, long generation) {
    }

    public record CardView(String cardId, String status, LocalDate certificateExpiry, long pinResetGeneration,
            String pinResetAt) {
    }

    @PostMapping("/{cardId}/pin-unlock")
    public UnlockResponse unlock(@AuthenticationPrincipal OfficePrincipal office, @PathVariable String cardId,
            @RequestBody(required = false) UnlockRequest request) {
        String operator = operator(request == null ? null : request.operator());
        CardPinService.Unlocked done = pins.unlock(cardId, office.actor(), operator);
        return new UnlockResponse(done.cardId(), done.status().name(), done.previousStatus().name(), done.generation());
    }

    @GetMapping("/{cardId}")
    public CardView status(@AuthenticationPrincipal OfficePrincipal office, @PathVariable String cardId) {
        MyNumberCard card = cards.require(cardId);
        audit.append(null, office.actor(), STATUS_ACTION, "card=" + card.cardId(), "OK " + card.status().name());
        var reset = pins.resetOf(card.cardId());
        return new CardView(card.cardId(), card.status().name(), card.certificateExpiry(),
                reset.map(CardPinService.PinReset::generation).orElse(0L),
                reset.map(r -> r.resetAt().toString()).orElse(null));
    }

    /** Who at the office did it: optional ("-" when not given), one line of at most 64 characters. */
    static String operator(String given) {
        if (given == null || given.isBlank()) {
            return "-";
        }
        String operator = given.strip();
        if (operator.length() > MAX_OPERATOR_LENGTH || operator.chars().anyMatch(Character::isISOControl)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_JSON,
                    "operator は改行を含まない" + MAX_OPERATOR_LENGTH + "文字以内で指定してください");
        }
        return operator;
    }
}
