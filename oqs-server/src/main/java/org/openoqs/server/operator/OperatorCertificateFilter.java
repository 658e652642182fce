package org.openoqs.server.operator;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.openoqs.pki.OperatorCertificates;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.CertificateAuthenticationFilter;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * The operator API's authentication ({@link CertificateAuthenticationFilter}): the certificate must be an operator
 * certificate ({@link OperatorCertificates}). A facility or office certificate is refused with 403 and the attempt
 * is audited ({@value #ACTION}), under the facility's code when it is a facility's.
 */
final class OperatorCertificateFilter extends CertificateAuthenticationFilter {

    static final String ACTION = "OPERATOR_API_AUTHENTICATION";

    OperatorCertificateFilter(ClientCertificateVerifier verifier, AuditLog audit, ApiErrorWriter errors) {
        super(verifier, audit, errors, ACTION);
    }

    @Override
    protected Authentication authenticate(X509Certificate leaf, HttpServletRequest request)
            throws CertificateRefusedException {
        Optional<OperatorCertificates.Operator> operator = OperatorCertificates.operatorOf(leaf);
        if (operator.isEmpty()) {
            throw new CertificateRefusedException(HttpStatus.FORBIDDEN, "NOT_AN_OPERATOR_CERTIFICATE",
                    "運用者の証明書ではありません。お知らせの管理は運用者の証明書でのみできます");
        }
        return new OperatorAuthentication(new OperatorPrincipal(operator.get().name(), serial(leaf)));
    }
}
