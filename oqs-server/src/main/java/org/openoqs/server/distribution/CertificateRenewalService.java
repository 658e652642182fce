package org.openoqs.server.distribution;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.ServerConfig;
import org.springframework.beans.factory.annotation.Value;

import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.CertificateAuthorityException;
import org.openoqs.pki.FacilityCertificateRenewal;
import org.openoqs.pki.RenewalRefusedException;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/v1/certificates/renew}: a terminal renews its own facility certificate with a PKCS#10 request
 * made with a new key, authenticated by the certificate it replaces (docs/certificates.md §3). Only inside the
 * renewal window — the last {@value #WINDOW_DAYS} days before the current certificate ends, when the terminal's
 * expiry warnings start — else {@link ErrorCode#CERTIFICATE_RENEWAL_TOO_EARLY}. The old certificate is revoked
 * (reason {@code superseded}) once the grace {@code oqs.certificate.renewal-grace} (24 hours by default) has passed,
 * by {@link SupersededCertificateRevoker}; a second renewal from the same certificate revokes the successor issued
 * before at once, so one certificate never has two living successors. Every outcome is recorded and audited.
 */
@Service
public class CertificateRenewalService {
    public static final String AUDIT_ACTION = "CERTIFICATE_RENEWAL";
    /** Renewal opens this many days before the end date (the first expiry warning, docs/certificates.md §4). */
    public static final int WINDOW_DAYS = 90;
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    private final CertificateAuthorityAccess ca;
    private final DistributionService distribution;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration grace;

    public CertificateRenewalService(CertificateAuthorityAccess ca, DistributionService distribution, AuditLog audit,
                                     JdbcClient jdbc, Clock clock,
                                     @Value("${oqs.certificate.renewal-grace:PT24H}") Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("oqs.certificate.renewal-grace must not be negative");
        }
        this.ca = ca;
        this.distribution = distribution;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * What the terminal needs to build its new PKCS#12: the certificate and the CA certificate; and when the
     * certificate it replaces will be revoked.
     */
    public record Renewed(X509Certificate certificate, X509Certificate caCertificate, Instant previousRevokedAfter) {
    }

    /** A renewal asked for before the window opened. */
    public static final class TooEarlyException extends RuntimeException {
        private final LocalDate opensOn;

        TooEarlyException(LocalDate opensOn) {
            super("renewal opens on " + opensOn);
            this.opensOn = opensOn;
        }

        public LocalDate opensOn() {
            return opensOn;
        }
    }

    public Duration grace() {
        return grace;
    }

    /**
     * @throws RenewalRefusedException the request does not fit (Japanese message), or no CA on this node
     * @throws org.openoqs.pki.InvalidSigningRequestException unreadable request
     * @throws TooEarlyException the current certificate ends more than {@value #WINDOW_DAYS} days from now
     */
    public Renewed renew(FacilityPrincipal caller, byte[] requestDer) {
        Instant opens = caller.certificate().getNotAfter().toInstant().minus(Duration.ofDays(WINDOW_DAYS));
        if (clock.instant().isBefore(opens)) {
            LocalDate opensOn = opens.atZone(ServerConfig.TOKYO).toLocalDate().plusDays(1);
            audit.append(caller.institutionCode(), caller.actor(), AUDIT_ACTION, "serial " + caller.certificateSerial(),
                    "REFUSED " + ErrorCode.CERTIFICATE_RENEWAL_TOO_EARLY.code() + " opens " + opensOn);
            throw new TooEarlyException(opensOn);
        }
        CertificateAuthority authority = ca.authority().orElseThrow(() -> refused(caller,
                new RenewalRefusedException("この接続先には認証局がないため証明書を更新できません（認証局のあるサーバーに接続してください）")));
        X509Certificate renewed;
        try {
            renewed = new FacilityCertificateRenewal(authority, CertificateAuthority.DEFAULT_FACILITY_VALIDITY, clock)
                    .renew(requestDer, caller.certificate());
        } catch (CertificateAuthorityException e) {
            throw refused(caller, e);
        }
        String newSerial = DistributionService.serialOf(renewed);
        List<String> earlierSuccessors = revokeEarlierSuccessors(authority, caller);
        jdbc.sql("insert into certificate_renewal (institution_code, previous_serial, new_serial, new_not_after, "
                        + "renewed_at) values (?, ?, ?, ?, ?)")
                .params(caller.institutionCode(), caller.certificateSerial(), newSerial,
                        renewed.getNotAfter().toInstant().atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        distribution.certificateRenewed(caller.institutionCode(), caller.certificateSerial(), renewed);
        Instant revokedAfter = clock.instant().plus(grace);
        audit.append(caller.institutionCode(), caller.actor(), AUDIT_ACTION, "serial " + caller.certificateSerial()
                + " -> " + newSerial, "OK notAfter " + renewed.getNotAfter().toInstant() + " previousRevokedAfter "
                + revokedAfter + (earlierSuccessors.isEmpty() ? "" : " revokedEarlierSuccessors " + earlierSuccessors));
        return new Renewed(renewed, authority.caCertificate(), revokedAfter);
    }

    // The caller renews again with a certificate it renewed before (a terminal that never stored the first answer):
    // the successor issued then is revoked now, so the old key cannot keep spare certificates alive.
    private List<String> revokeEarlierSuccessors(CertificateAuthority authority, FacilityPrincipal caller) {
        List<String> earlier = jdbc.sql("select new_serial from certificate_renewal where institution_code = ? "
                        + "and previous_serial = ?")
                .params(caller.institutionCode(), caller.certificateSerial()).query(String.class).list();
        for (String serial : earlier) {
            authority.revoke(new BigInteger(serial, 16), "superseded");
        }
        return earlier;
    }

    private <E extends RuntimeException> E refused(FacilityPrincipal caller, E e) {
        audit.append(caller.institutionCode(), caller.actor(), AUDIT_ACTION, "serial " + caller.certificateSerial(),
                "REFUSED " + e.getMessage());
        return e;
    }
}
