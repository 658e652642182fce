package org.openoqs.server.card;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.device.DeviceCaller;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
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
    public record PinReset(long generation, String signature, Instant resetAt) {
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
    public void reportLocked(DeviceCaller caller, String cardId) {
        MyNumberCard card = cards.require(cardId);
        boolean changed = cards.changeStatus(card.cardId(), CardStatus.ACTIVE, CardStatus.PIN_LOCKED);
        audit.append(caller.institutionCode(), caller.actor(), LOCK_ACTION, "card=" + card.cardId() + ";person="
                + card.personId(), changed ? "LOCKED" : "ALREADY " + card.status().name());
    }

    /**
     * The issuing office's reset (市区町村窓口での暗証番号再設定): an administrative operation, reached only through
     * the office API (docs/card-path.md, "PIN lock and unlock"). Allowed whenever the card's certificate is usable —
     * on a locked card it lifts the lock, on an active one it re-sets the retry counter (as the real office can re-set
     * a PIN at any time); each call records the next generation. A card whose certificate expired or was revoked needs
     * a new certificate, not a PIN reset: refused with 409. Every outcome is audited ({@value #RESET_ACTION}).
     *
     * @param officeActor the office as the audit names it ({@code office:<code> cert:<serial>})
     * @param operator    who at the office did it (free text, checked by the caller)
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND} (404)
     * @throws ApiException {@link ErrorCode#CARD_CERTIFICATE_EXPIRED}, {@link ErrorCode#CARD_CERTIFICATE_REVOKED} (409)
     */
    @Transactional
    public Unlocked unlock(String cardId, String officeActor, String operator) {
        String actor = officeActor + " operator:" + operator;
        Optional<MyNumberCard> found = cards.find(cardId);
        if (found.isEmpty()) {
            audit.append(null, actor, RESET_ACTION, "card=" + printable(cardId), "REFUSED " + ErrorCode.CARD_NOT_FOUND.code());
            throw new CardApiException(ErrorCode.CARD_NOT_FOUND);
        }
        MyNumberCard card = found.get();
        // the row lock orders concurrent resets (and a lock report) of one card: each gets its own generation
        CardStatus before = CardStatus.valueOf(jdbc.sql("select status from my_number_card where card_id = ? for update")
                .param(card.cardId()).query(String.class).single());
        String subject = "card=" + card.cardId() + ";person=" + card.personId();
        if (before == CardStatus.CERTIFICATE_EXPIRED || before == CardStatus.CERTIFICATE_REVOKED) {
            ErrorCode code = before == CardStatus.CERTIFICATE_EXPIRED
                    ? ErrorCode.CARD_CERTIFICATE_EXPIRED : ErrorCode.CARD_CERTIFICATE_REVOKED;
            audit.append(null, actor, RESET_ACTION, subject, "REFUSED " + code.code());
            throw new ApiException(HttpStatus.CONFLICT, code, "暗証番号の再設定ではなく電子証明書の発行が必要です");
        }
        long generation = resetOf(card.cardId()).map(PinReset::generation).orElse(0L) + 1;
        String signature = Base64.getEncoder().encodeToString(
                ca.authority().signStatement(new PinResetStatement(card.cardId(), generation).signingInput()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("update card_pin_reset set generation = ?, reset_at = ?, operator = ?, signature = ? "
                + "where card_id = ?").params(generation, now, actor, signature, card.cardId()).update();
        if (updated == 0) {
            jdbc.sql("insert into card_pin_reset (card_id, generation, reset_at, operator, signature) values (?, ?, ?, ?, ?)")
                    .params(card.cardId(), generation, now, actor, signature).update();
        }
        cards.changeStatus(card.cardId(), CardStatus.PIN_LOCKED, CardStatus.ACTIVE);
        audit.append(null, actor, RESET_ACTION, subject, "OK generation=" + generation + " was=" + before.name());
        return new Unlocked(card.cardId(), before, CardStatus.ACTIVE, generation);
    }

    /** What an unlock did. The card itself applies the reset at its next reading (challenge). */
    public record Unlocked(String cardId, CardStatus previousStatus, CardStatus status, long generation) {
    }

    /** The latest reset of the card, if the office ever reset it. */
    public Optional<PinReset> resetOf(String cardId) {
        return jdbc.sql("select generation, signature, reset_at from card_pin_reset where card_id = ?").param(cardId)
                .query((rs, row) -> new PinReset(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).optional();
    }

    /** At most 40 printable ASCII characters of a caller's card id, for the audit trail. */
    private static String printable(String cardId) {
        String s = cardId == null ? "" : cardId.replaceAll("[^\\x21-\\x7e]", "?");
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
