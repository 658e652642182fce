package org.openoqs.server.emergency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.openoqs.core.error.Violation;
import org.openoqs.server.audit.AuditLog;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The patient identified by card for 救急時医療情報閲覧 (docs/emergency-view.md "Identifying the patient by card",
 * {@code V134__emergency_card_identification.sql}): an emergency account asks for a 受付番号, the facility's own
 * signed-in reader reads the patient's card for that number (the card feature verifies the card and calls
 * {@link #identify}), and only the account that asked may then {@link #take} the person — once, within
 * {@link #IDENTIFIED_FOR} of the read. The conditions of the account (hospital, setting, permission, second factor)
 * are {@link EmergencyViewing}'s; this class binds a card read to one account's request and nothing else.
 */
@Service
public class EmergencyCardRequests {

    /** How long a 受付番号 waits for the card. */
    static final Duration WAITS_FOR_CARD = Duration.ofMinutes(5);
    /** How long after the read the account may open the summary. */
    static final Duration IDENTIFIED_FOR = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A 受付番号 issued to an account. */
    public record Issued(String code, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public EmergencyCardRequests(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new 受付番号 for the account (its conditions already checked by {@link EmergencyViewing}). */
    Issued issue(String institutionCode, String accountId) {
        Instant now = clock.instant();
        // numbers of a day ago are of no use to anyone: free them for new requests
        jdbc.sql("delete from emergency_card_request where institution_code = ? and expires_at < ?")
                .params(institutionCode, utc(now.minus(Duration.ofDays(1)))).update();
        for (int attempt = 0; ; attempt++) {
            String code = String.format("%08d", RANDOM.nextInt(100_000_000));
            try {
                jdbc.sql("insert into emergency_card_request (institution_code, account_id, request_code, created_at, "
                                + "expires_at) values (?, ?, ?, ?, ?)")
                        .params(institutionCode, accountId, code, utc(now), utc(now.plus(WAITS_FOR_CARD))).update();
                return new Issued(code, now.plus(WAITS_FOR_CARD));
            } catch (DuplicateKeyException taken) {
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }

    /**
     * A card the reader of {@code institutionCode} verified, for the 受付番号 {@code code}: recorded only on a pending,
     * unexpired request of that same facility whose card was not read yet. Audited either way (actor the reader).
     *
     * @return false when there is no such request (the caller refuses; nothing changed)
     */
    public boolean identify(String institutionCode, String readerActor, String code, String cardId, String personId) {
        Instant now = clock.instant();
        int updated = code == null || !code.matches("[0-9]{8}") ? 0 : jdbc.sql("update emergency_card_request set "
                        + "person_id = ?, card_id = ?, reader_actor = ?, identified_at = ? where institution_code = ? "
                        + "and request_code = ? and person_id is null and expires_at > ?")
                .params(personId, cardId, readerActor, utc(now), institutionCode, code, utc(now)).update();
        String subject = "card-request=" + (code == null ? "-" : Violation.shown(code)) + ";card=" + cardId;
        if (updated == 0) {
            audit.append(institutionCode, readerActor, EmergencyViewing.ACTION, subject, "REFUSED "
                    + org.openoqs.core.error.ErrorCode.EMERGENCY_CARD_REQUEST_UNKNOWN.code());
            return false;
        }
        audit.append(institutionCode, readerActor, EmergencyViewing.ACTION, subject + ";persons=" + personId,
                "CARD_IDENTIFIED");
        return true;
    }

    /** The person the card identified for this account's 受付番号, marking the request used; empty otherwise. */
    Optional<String> take(String institutionCode, String accountId, String code) {
        if (code == null || !code.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<String> person = jdbc.sql("select person_id from emergency_card_request where institution_code = ? "
                        + "and account_id = ? and request_code = ? and person_id is not null and used_at is null "
                        + "and identified_at > ?")
                .params(institutionCode, accountId, code, utc(now.minus(IDENTIFIED_FOR)))
                .query((rs, n) -> rs.getString(1)).optional();
        if (person.isEmpty()) {
            return Optional.empty();
        }
        int marked = jdbc.sql("update emergency_card_request set used_at = ? where institution_code = ? "
                        + "and account_id = ? and request_code = ? and used_at is null")
                .params(utc(now), institutionCode, accountId, code).update();
        return marked == 1 ? person : Optional.empty(); // a second tab at the same moment: one of them wins
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
