package org.openoqs.server.office;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.openoqs.pki.OfficeCertificates;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.CertificateAuthenticationFilter;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * The office API's authentication ({@link CertificateAuthenticationFilter}): the certificate must be an
 * issuing-office certificate ({@link OfficeCertificates}). A facility certificate is refused with 403, whatever the
 * facility, and the attempt is audited ({@value #ACTION}) under that facility's code.
 */
final class OfficeCertificateFilter extends CertificateAuthenticationFilter {

    static final String ACTION = "OFFICE_API_AUTHENTICATION";

    OfficeCertificateFilter(ClientCertificateVerifier verifier, AuditLog audit, ApiErrorWriter errors) {
        super(verifier, audit, errors, ACTION);
    }

    @Override
    protected Authentication authenticate(X509Certificate leaf, HttpServletRequest request)
            throws CertificateRefusedException {
        Optional<OfficeCertificates.IssuingOffice> office = OfficeCertificates.officeOf(leaf);
        if (office.isEmpty()) {
            throw new CertificateRefusedException(HttpStatus.FORBIDDEN, "NOT_AN_OFFICE_CERTIFICATE",
                    "発行窓口の証明書ではありません。医療機関の証明書ではカードの管理はできません");
        }
        return new OfficeAuthentication(new OfficePrincipal(office.get().localGovernmentCode(), office.get().name(),
                serial(leaf)));
    }
}
