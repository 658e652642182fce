package org.openoqs.server.card;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.security.cert.X509Certificate;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.device.DeviceCaller;
import org.openoqs.server.facility.Facility;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The card's PIN lock as the service sees it. The card itself counts wrong PINs (the service never sees a PIN);
 * when it locks, the card signs a {@link PinLockStatement} over a one-time challenge of this facility, the reader
 * sends it, and only then the registry marks the card {@link CardStatus#PIN_LOCKED}: a reader without the card
 * cannot lock it (docs/security.md, "Card and API"). Only the
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
    private final CardChallengeService challenges;
    private final CardCredentialStore credentials;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public CardPinService(CardRegistry cards, @Lazy IndividualCa ca, CardChallengeService challenges,
            CardCredentialStore credentials, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.cards = cards;
        this.challenges = challenges;
        this.credentials = credentials;
        this.ca = ca;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The lock report as the reader sends it: the challenge the card signed over, the credential, the signature. */
    public record LockReport(String challengeId, String credential, String signature) {
    }

    /**
     * A reader reports that the card locked itself after the third wrong PIN, with the card's signature over a
     * {@link PinLockStatement} on an unused challenge of this facility for this card and credential, made with the
     * key of the credential's current certificate. Idempotent once proved; every refusal is audited.
     *
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND} (404), {@link ErrorCode#CARD_CHALLENGE_INVALID} (409),
     *         {@link ErrorCode#CARD_CERTIFICATE_INVALID}, {@link ErrorCode#CARD_SIGNATURE_INVALID} (422),
     *         {@link ErrorCode#PRESENCE_METHOD_NOT_ALLOWED} (400, unknown credential)
     */
    public void reportLocked(DeviceCaller caller, Facility facility, String cardId, LockReport report) {
        MyNumberCard card = cards.require(cardId);
        String subject = "card=" + card.cardId() + ";person=" + card.personId();
        LockReport r = report == null ? new LockReport(null, null, null) : report;
        CredentialKind kind = CredentialKind.ofName(r.credential() == null ? "card" : r.credential())
                .orElseThrow(() -> refuseLock(caller, subject, ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, "資格確認の媒体が不明です"));
        String nonce = challenges.consume(r.challengeId(), facility, card.cardId(), kind)
                .orElseThrow(() -> refuseLock(caller, subject, ErrorCode.CARD_CHALLENGE_INVALID, null));
        StoredCredential stored = credentials.current(card.cardId(), kind)
                .orElseThrow(() -> refuseLock(caller, subject, ErrorCode.CARD_CERTIFICATE_INVALID, "カードに証明書がありません"));
        X509Certificate certificate = CardConfirmationService.certificate(stored.certificatePem());
        byte[] signature = r.signature() == null ? new byte[0] : decodeOrEmpty(r.signature());
        PinLockStatement statement = new PinLockStatement(r.challengeId(), nonce, facility.institutionCode(),
                card.cardId(), kind);
        if (certificate == null || !CardSignatures.verify(certificate.getPublicKey(), statement.signingInput(), signature)) {
            throw refuseLock(caller, subject, ErrorCode.CARD_SIGNATURE_INVALID, "カードの署名を確認できません");
        }
        boolean changed = cards.changeStatus(card.cardId(), CardStatus.ACTIVE, CardStatus.PIN_LOCKED);
        audit.append(caller.institutionCode(), caller.actor(), LOCK_ACTION, subject,
                changed ? "LOCKED" : "ALREADY " + card.status().name());
    }

    private CardApiException refuseLock(DeviceCaller caller, String subject, ErrorCode code, String detail) {
        audit.append(caller.institutionCode(), caller.actor(), LOCK_ACTION, subject, "REFUSED " + code.code());
        return new CardApiException(code, detail);
    }

    private static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
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
