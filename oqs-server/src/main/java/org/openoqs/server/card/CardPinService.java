package org.openoqs.server.card;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card's PIN lock as the service sees it. The card itself counts wrong PINs (the service never sees a PIN);
 * when it locks, the reader reports it and the registry marks the card {@link CardStatus#PIN_LOCKED}. Only the
 * issuing office unlocks ({@link #unlock}): that records a reset of the next generation signed with the
 * individuals' CA key, which the service hands to the card at its next challenge; the card accepts it only with
 * its issuer's signature and a generation above the last it applied.
 */
@Service
public class CardPinService {

    public static final String LOCK_ACTION = "CARD_PIN_LOCKED";
    public static final String RESET_ACTION = "CARD_PIN_RESET";

    /** A signed reset, as handed to the card. */
    public record PinReset(long generation, String signature) {
    }

    private final CardRegistry cards;
    private final IndividualCa ca;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public CardPinService(CardRegistry cards, @Lazy IndividualCa ca, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.cards = cards;
        this.ca = ca;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A reader reports that the card locked itself after the third wrong PIN. Idempotent. */
    public void reportLocked(FacilityPrincipal caller, String cardId) {
        MyNumberCard card = cards.require(cardId);
        boolean changed = cards.changeStatus(card.cardId(), CardStatus.ACTIVE, CardStatus.PIN_LOCKED);
        audit.append(caller.institutionCode(), caller.actor(), LOCK_ACTION, "card=" + card.cardId() + ";person="
                + card.personId(), changed ? "LOCKED" : "ALREADY " + card.status().name());
    }

    /**
     * The issuing office's reset (市区町村窓口での暗証番号再設定): an administrative operation, not available to
     * facilities. Returns the new reset.
     *
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND}
     */
    @Transactional
    public PinReset unlock(String cardId, String operator) {
        MyNumberCard card = cards.require(cardId);
        long generation = resetOf(card.cardId()).map(PinReset::generation).orElse(0L) + 1;
        String signature = Base64.getEncoder().encodeToString(
                ca.authority().signStatement(new PinResetStatement(card.cardId(), generation).signingInput()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update card_pin_reset set generation = ?, reset_at = ?, operator = ?, signature = ? "
                + "where card_id = ?").params(generation, now, operator, signature, card.cardId()).update();
        if (updated == 0) {
            jdbc.sql("insert into card_pin_reset (card_id, generation, reset_at, operator, signature) values (?, ?, ?, ?, ?)")
                    .params(card.cardId(), generation, now, operator, signature).update();
        }
        cards.changeStatus(card.cardId(), CardStatus.PIN_LOCKED, CardStatus.ACTIVE);
        audit.append(null, "office:" + operator, RESET_ACTION, "card=" + card.cardId() + ";person=" + card.personId(),
                "OK generation=" + generation);
        return new PinReset(generation, signature);
    }

    /** The latest reset of the card, if the office ever reset it. */
    public Optional<PinReset> resetOf(String cardId) {
        return jdbc.sql("select generation, signature from card_pin_reset where card_id = ?").param(cardId)
                .query((rs, row) -> new PinReset(rs.getLong(1), rs.getString(2))).optional();
    }
}
