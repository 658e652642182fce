package org.openoqs.server.security;

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
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every terminal-API request by its TLS client certificate, on every request (a TLS session can
 * outlive a revocation): the certificate must chain to our CA, be inside its validity window, be a client
 * certificate, not be on the CA's current CRL, and name (CN) a registered facility. Anything else ends the
 * request here with 401/403 and a JSON {@link ApiError}; refusals are audited.
 */
public final class ClientCertificateFilter extends OncePerRequestFilter {

    /** Servlet request attribute holding the client's chain. */
    public static final String X509_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    public static final String ACTION = "API_AUTHENTICATION";
    /** Request attribute holding the caller's {@link Facility} as read during authentication. */
    public static final String FACILITY_ATTRIBUTE = "org.openoqs.server.facility";

    private static final Logger log = LoggerFactory.getLogger(ClientCertificateFilter.class);

    private final ClientCertificateVerifier verifier;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final ApiErrorWriter errors;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    public ClientCertificateFilter(ClientCertificateVerifier verifier, FacilityService facilities, AuditLog audit,
                                   ApiErrorWriter errors) {
        this.verifier = verifier;
        this.facilities = facilities;
        this.audit = audit;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute(X509_ATTRIBUTE);
        CheckResult check = verifier.check(certificates);
        if (!check.ok()) {
            HttpStatus status = check.status() == CheckStatus.CRL_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
            refuse(request, response, certificates, status, check.status().name(), check.message());
            return;
        }
        X509Certificate leaf = certificates[0];
        Optional<String> code = FacilityCertificates.institutionCodeOf(leaf);
        if (code.isEmpty()) {
            refuse(request, response, certificates, HttpStatus.FORBIDDEN, "NO_INSTITUTION_CODE",
                    "クライアント証明書に医療機関コードが含まれていません");
            return;
        }
        Optional<Facility> facility = facilities.find(code.get());
        if (facility.isEmpty()) {
            refuse(request, response, certificates, HttpStatus.FORBIDDEN, "UNKNOWN_FACILITY",
                    "クライアント証明書の医療機関は登録されていません");
            return;
        }
        request.setAttribute(FACILITY_ATTRIBUTE, facility.get());
        FacilityPrincipal principal = new FacilityPrincipal(code.get(), serial(leaf), leaf);
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(new FacilityAuthentication(principal));
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
        String facility = leaf == null ? null : FacilityCertificates.institutionCodeOf(leaf).orElse(null);
        String actor = leaf == null ? "anonymous" : "cert:" + serial(leaf);
        try {
            audit.append(facility, actor, ACTION, request.getMethod() + " " + request.getRequestURI(),
                    "REFUSED " + reason);
        } catch (RuntimeException e) {
            log.error("could not audit a refused API request", e);
        }
        errors.write(response, status, ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, detail));
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }
}
