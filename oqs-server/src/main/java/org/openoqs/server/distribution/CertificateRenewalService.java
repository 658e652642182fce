package org.openoqs.server.distribution;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
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
 * made with a new key, authenticated by the certificate it replaces. The old certificate is not revoked (overlap:
 * both valid until the old one's end date), the renewal is recorded and audited.
 */
@Service
public class CertificateRenewalService {
    public static final String AUDIT_ACTION = "CERTIFICATE_RENEWAL";

    private final CertificateAuthorityAccess ca;
    private final DistributionService distribution;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CertificateRenewalService(CertificateAuthorityAccess ca, DistributionService distribution, AuditLog audit,
                                     JdbcClient jdbc, Clock clock) {
        this.ca = ca;
        this.distribution = distribution;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the terminal needs to build its new PKCS#12: the certificate and the CA certificate. */
    public record Renewed(X509Certificate certificate, X509Certificate caCertificate) {
    }

    /**
     * @throws RenewalRefusedException the request does not fit (Japanese message), or no CA on this node
     * @throws org.openoqs.pki.InvalidSigningRequestException unreadable request
     */
    public Renewed renew(FacilityPrincipal caller, byte[] requestDer) {
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
        jdbc.sql("insert into certificate_renewal (institution_code, previous_serial, new_serial, new_not_after, "
                        + "renewed_at) values (?, ?, ?, ?, ?)")
                .params(caller.institutionCode(), caller.certificateSerial(), newSerial,
                        renewed.getNotAfter().toInstant().atOffset(ZoneOffset.UTC),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        distribution.certificateRenewed(caller.institutionCode(), caller.certificateSerial(), renewed);
        audit.append(caller.institutionCode(), caller.actor(), AUDIT_ACTION, "serial " + caller.certificateSerial()
                + " -> " + newSerial, "OK notAfter " + renewed.getNotAfter().toInstant());
        return new Renewed(renewed, authority.caCertificate());
    }

    private <E extends RuntimeException> E refused(FacilityPrincipal caller, E e) {
        audit.append(caller.institutionCode(), caller.actor(), AUDIT_ACTION, "serial " + caller.certificateSerial(),
                "REFUSED " + e.getMessage());
        return e;
    }
}
