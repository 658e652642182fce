package org.openoqs.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.pki.CheckResult;
import org.openoqs.pki.CheckStatus;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request of an API chain by its TLS client certificate, on every request (a TLS session can
 * outlive a revocation): the chain must pass {@link ClientCertificateVerifier} (our CA, validity window, clientAuth,
 * current CRL), then the subclass decides whether the certificate is of the kind its API serves. Anything else ends
 * the request here with a JSON {@link ApiError} (401, 403, or 503 when the CRL cannot be read), audited under the
 * chain's action with the certificate's facility where it names one.
 */
public abstract class CertificateAuthenticationFilter extends OncePerRequestFilter {

    /** Servlet request attribute holding the client's chain. */
    public static final String X509_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthenticationFilter.class);

    /** The certificate passed the checks but is not one this API serves. */
    protected static final class CertificateRefusedException extends Exception {

        private final HttpStatus status;
        private final String reason;

        public CertificateRefusedException(HttpStatus status, String reason, String message) {
            super(message, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }

    private final ClientCertificateVerifier verifier;
    private final AuditLog audit;
    private final ApiErrorWriter errors;
    private final String action;
    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    protected CertificateAuthenticationFilter(ClientCertificateVerifier verifier, AuditLog audit, ApiErrorWriter errors,
                                              String action) {
        this.verifier = verifier;
        this.audit = audit;
        this.errors = errors;
        this.action = action;
    }

    /**
     * Who the verified leaf certificate is, for this API.
     *
     * @throws CertificateRefusedException when the certificate is not of the kind this API serves
     */
    protected abstract Authentication authenticate(X509Certificate leaf, HttpServletRequest request)
            throws CertificateRefusedException;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        X509Certificate[] certificates = (X509Certificate[]) request.getAttribute(X509_ATTRIBUTE);
        CheckResult check = verifier.check(certificates);
        if (!check.ok()) {
            HttpStatus status = check.status() == CheckStatus.CRL_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.UNAUTHORIZED;
            if (unaccountable(check.status())) {
                audit.anonymousRefusals().refused(request.getRemoteAddr(), request.getMethod() + " "
                        + request.getRequestURI(), action, check.status().name());
                errors.write(response, status, ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, check.message()));
                return;
            }
            refuse(request, response, certificates, status, check.status().name(), check.message());
            return;
        }
        Authentication authentication;
        try {
            authentication = authenticate(certificates[0], request);
        } catch (CertificateRefusedException e) {
            refuse(request, response, certificates, e.status, e.reason, e.getMessage());
            return;
        }
        SecurityContext context = contextHolder.createEmptyContext();
        context.setAuthentication(authentication);
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
        // recorded under the facility the certificate names, so that facility's own audit view shows the attempt
        String facility = leaf == null ? null : FacilityCertificates.institutionCodeOf(leaf).orElse(null);
        String actor = leaf == null ? "anonymous" : "cert:" + serial(leaf);
        try {
            audit.append(facility, actor, action, request.getMethod() + " " + request.getRequestURI(),
                    "REFUSED " + reason);
        } catch (RuntimeException e) {
            log.error("could not audit a refused {} request", action, e);
        }
        errors.write(response, status, ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, detail));
    }

    /**
     * No certificate, or one our CA did not issue: nothing in the request can be held to a facility (the
     * institution code in a foreign certificate is whatever its maker wrote), so such refusals are audited
     * aggregated per source address ({@link org.openoqs.server.audit.AnonymousRefusals}), never under a facility.
     */
    public static boolean unaccountable(CheckStatus status) {
        return status == CheckStatus.NO_CERTIFICATE || status == CheckStatus.NOT_ISSUED_BY_CA;
    }

    public static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }
}
