package org.openoqs.server.emergency;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.otp.Base32;
import org.openoqs.core.otp.Totp;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The TOTP second factor of the 救急時閲覧権限 accounts (RFC 6238, HmacSHA1, 6 digits, 30 s, ±1 step): enrolment
 * (a secret shown once as an {@code otpauth://} URI and in base32, confirmed by a first code) and the check of a code.
 * A code whose step is not newer than the last one used is refused (replay), also when two arrive at once (one
 * conditional UPDATE decides); 5 wrong codes in a row lock the factor until the permission is granted again. Every
 * outcome is audited as {@value #ACTION}.
 */
@Service
public class SecondFactor {

    public static final String ACTION = "SECOND_FACTOR";
    /** Steps accepted either side of now (clock drift of the phone). */
    public static final int WINDOW = 1;
    public static final int LOCK_AFTER = 5;

    /** A pending enrolment as the page shows it. */
    public record Enrolment(String secretBase32, String otpauthUri) {
    }

    private record Credential(String sealed, boolean confirmed, Long lastUsedStep, int failedAttempts) {
    }

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(JdbcClient jdbc, SealedSecrets secrets, FacilityService facilities, AuditLog audit,
                        Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.facilities = facilities;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean enrolled(PortalUser user) {
        return credential(user).map(Credential::confirmed).orElse(false);
    }

    /**
     * The pending enrolment's secret, made on the first call and shown again on reload until it is confirmed.
     * Callers check {@link #enrolled} first: a confirmed factor is never shown again.
     */
    public Enrolment pendingEnrolment(PortalUser user) {
        Optional<Credential> existing = credential(user);
        byte[] secret;
        if (existing.isPresent() && !existing.get().confirmed()) {
            secret = secrets.open(existing.get().sealed(), owner(user));
        } else if (existing.isEmpty()) {
            secret = Totp.newSecret(random);
            try {
                jdbc.sql("insert into totp_credential (institution_code, account_id, secret_sealed, created_at) "
                                + "values (?, ?, ?, ?)")
                        .params(user.institutionCode(), user.accountId(), secrets.seal(secret, owner(user)),
                                clock.instant().atOffset(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException otherTab) {
                return pendingEnrolment(user); // the same page opened twice at once: show the secret the other made
            }
            audit.append(user.institutionCode(), user.accountId(), ACTION, "account=" + user.accountId(),
                    "OK ENROLMENT_STARTED");
        } else {
            throw new IllegalStateException("already enrolled");
        }
        String issuer = "openoqs " + facilities.get(user.institutionCode()).name();
        return new Enrolment(Base32.encode(secret),
                Totp.otpauthUri(issuer, user.accountId() + "@" + user.institutionCode(), secret));
    }

    /** Confirms the pending enrolment with its first code; the session has then passed the factor. */
    public void confirmEnrolment(PortalUser user, String code) {
        Credential c = credential(user).filter(x -> !x.confirmed())
                .orElseThrow(() -> refuse(user, "ENROL", ErrorCode.SECOND_FACTOR_NOT_ENROLLED));
        check(user, c, code, "ENROL");
        jdbc.sql("update totp_credential set confirmed_at = ? where institution_code = ? and account_id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), user.institutionCode(), user.accountId()).update();
        audit.append(user.institutionCode(), user.accountId(), ACTION, "account=" + user.accountId() + " op=ENROL",
                "OK ENROLLED");
    }

    /** Checks a code of the enrolled factor. */
    public void verify(PortalUser user, String code) {
        Credential c = credential(user).filter(Credential::confirmed)
                .orElseThrow(() -> refuse(user, "VERIFY", ErrorCode.SECOND_FACTOR_NOT_ENROLLED));
        check(user, c, code, "VERIFY");
        audit.append(user.institutionCode(), user.accountId(), ACTION, "account=" + user.accountId() + " op=VERIFY",
                "OK");
    }

    private void check(PortalUser user, Credential c, String code, String op) {
        if (c.failedAttempts() >= LOCK_AFTER) {
            throw refuse(user, op, ErrorCode.SECOND_FACTOR_LOCKED);
        }
        byte[] secret = secrets.open(c.sealed(), owner(user));
        String typed = code == null ? "" : code.strip();
        OptionalLong step = Totp.matchingStep(secret, typed, Totp.step(clock.instant()), WINDOW);
        if (step.isEmpty()) {
            int failures = jdbc.sql("update totp_credential set failed_attempts = failed_attempts + 1 "
                            + "where institution_code = ? and account_id = ?")
                    .params(user.institutionCode(), user.accountId()).update() == 1 ? c.failedAttempts() + 1 : 0;
            throw refuse(user, op, failures >= LOCK_AFTER ? ErrorCode.SECOND_FACTOR_LOCKED
                    : ErrorCode.SECOND_FACTOR_WRONG_CODE, " failures=" + failures);
        }
        // one statement decides: of two requests with the same code, only one moves the step forward
        int used = jdbc.sql("update totp_credential set last_used_step = ?, failed_attempts = 0 "
                        + "where institution_code = ? and account_id = ? and failed_attempts < ? "
                        + "and (last_used_step is null or last_used_step < ?)")
                .params(step.getAsLong(), user.institutionCode(), user.accountId(), LOCK_AFTER, step.getAsLong())
                .update();
        if (used != 1) {
            throw refuse(user, op, ErrorCode.SECOND_FACTOR_CODE_USED, " step=" + step.getAsLong());
        }
    }

    private Optional<Credential> credential(PortalUser user) {
        return jdbc.sql("select secret_sealed, confirmed_at, last_used_step, failed_attempts from totp_credential "
                        + "where institution_code = ? and account_id = ?")
                .params(user.institutionCode(), user.accountId())
                .query((rs, row) -> new Credential(rs.getString("secret_sealed"), rs.getObject("confirmed_at") != null,
                        rs.getObject("last_used_step") == null ? null : rs.getLong("last_used_step"),
                        rs.getInt("failed_attempts")))
                .optional();
    }

    private EmergencyRefusedException refuse(PortalUser user, String op, ErrorCode code) {
        return refuse(user, op, code, "");
    }

    private EmergencyRefusedException refuse(PortalUser user, String op, ErrorCode code, String detail) {
        audit.append(user.institutionCode(), user.accountId(), ACTION, "account=" + user.accountId() + " op=" + op,
                "REFUSED " + code.code() + detail);
        return new EmergencyRefusedException(code, false);
    }

    private static String owner(PortalUser user) {
        return user.institutionCode() + "/" + user.accountId();
    }
}
