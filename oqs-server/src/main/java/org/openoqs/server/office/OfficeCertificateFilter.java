package org.openoqs.server.office;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.pki.CheckResult;
import org.openoqs.pki.CheckStatus;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.pki.OfficeCertificates;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every office-API request by its TLS client certificate, on every request: the same checks as the
 * terminal API ({@link ClientCertificateVerifier}: our CA, validity window, clientAuth, current CRL), then the
 * certificate must be an issuing-office certificate ({@link OfficeCertificates}). A facility certificate is refused
 * here with 403, whatever the facility; every refusal is audited ({@value #ACTION}).
 */
final class OfficeCertificateFilter extends OncePerRequestFilter {

    static final String ACTION = "OFFICE_API_AUTHENTICATION";

    private static final Logger log = LoggerFactory.getLogger(OfficeCertificateFilter.class);

    private final ClientCertificateVerifier verifier;
    private final AuditLog audit;
    private final ApiErrorWriter errors;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    OfficeCertificateFilter(ClientCertificateVerifier verifier, AuditLog audit, ApiErrorWriter errors) {
        this.verifier = verifier;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute(ClientCertificateFilter.X509_ATTRIBUTE);
        CheckResult check = verifier.check(certificates);
        if (!check.ok()) {
            HttpStatus status = check.status() == CheckStatus.CRL_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
            refuse(request, response, certificates, status, check.status().name(), check.message());
            return;
        }
        X509Certificate leaf = certificates[0];
        Optional<OfficeCertificates.IssuingOffice> office = OfficeCertificates.officeOf(leaf);
        if (office.isEmpty()) {
            refuse(request, response, certificates, HttpStatus.FORBIDDEN, "NOT_AN_OFFICE_CERTIFICATE",
                    "発行窓口の証明書ではありません。医療機関の証明書ではカードの管理はできません");
            return;
        }
        OfficePrincipal principal = new OfficePrincipal(office.get().localGovernmentCode(), office.get().name(),
                serial(leaf));
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(new OfficeAuthentication(principal));
        contextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contextHolder.clearContext();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, X509Certificate[] certificates,
                        HttpStatus status, String reason, String detail) throws IOException {
        X509Certificate leaf = certificates == null || certificates.length == 0 ? null : certificates[0];
        // a facility knocking at the office API is recorded under its own code, so its audit view shows it
        String facility = leaf == null ? null : FacilityCertificates.institutionCodeOf(leaf).orElse(null);
        String actor = leaf == null ? "anonymous" : "cert:" + serial(leaf);
        try {
            audit.append(facility, actor, ACTION, request.getMethod() + " " + request.getRequestURI(),
                    "REFUSED " + reason);
        } catch (RuntimeException e) {
            log.error("could not audit a refused office API request", e);
        }
        errors.write(response, status, ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, detail));
    }

    private static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }
}
