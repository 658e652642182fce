package org.openoqs.server.distribution;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.UnknownCertificateException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.schedule.PeriodicJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Revokes the certificate a renewal replaced once the grace has passed (docs/certificates.md §3): every ten minutes
 * on the node that holds the CA key (others skip; the CRL is the CA's), each renewal older than the grace whose
 * previous certificate is not yet revoked gets it revoked with reason {@code superseded} and audited
 * ({@value #AUDIT_ACTION}). Idempotent, so instances sharing a database and a CA may all run it.
 */
@Component
public class SupersededCertificateRevoker extends PeriodicJob {

    public static final String AUDIT_ACTION = "CERTIFICATE_SUPERSEDED_REVOKED";
    private static final Duration INTERVAL = Duration.ofMinutes(10);

    private final CertificateAuthorityAccess ca;
    private final CertificateRenewalService renewals;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public SupersededCertificateRevoker(CertificateAuthorityAccess ca, CertificateRenewalService renewals,
            JdbcClient jdbc, AuditLog audit, Clock clock) {
        super("oqs-superseded-certificate-revoker", INTERVAL);
        this.ca = ca;
        this.renewals = renewals;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    private record Due(long id, String institutionCode, String previousSerial) {
    }

    /** One pass as at {@code now}; returns the serials revoked (empty on a node without the CA key). */
    public List<String> runOnce(Instant now) {
        if (ca.authority().isEmpty()) {
            return List.of();
        }
        CertificateAuthority authority = ca.authority().get();
        List<Due> due = jdbc.sql("select id, institution_code, previous_serial from certificate_renewal "
                        + "where previous_revoked_at is null and renewed_at <= ? order by id")
                .param(utc(now.minus(renewals.grace())))
                .query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        List<String> revoked = new java.util.ArrayList<>();
        for (Due d : due) {
            String outcome = "OK superseded";
            try {
                authority.revoke(new BigInteger(d.previousSerial(), 16), "superseded");
                revoked.add(d.previousSerial());
            } catch (UnknownCertificateException notOurs) { // another CA's serial: nothing to revoke here
                outcome = "SKIPPED unknown serial";
            }
            jdbc.sql("update certificate_renewal set previous_revoked_at = ? where id = ?")
                    .params(utc(clock.instant()), d.id()).update();
            audit.append(d.institutionCode(), "system:certificate-renewal", AUDIT_ACTION, "serial "
                    + d.previousSerial(), outcome);
        }
        return revoked;
    }

    @Override
    protected void runPass() {
        runOnce(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
