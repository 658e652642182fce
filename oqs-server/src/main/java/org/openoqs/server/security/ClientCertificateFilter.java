package org.openoqs.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/**
 * The terminal API's authentication ({@link CertificateAuthenticationFilter}): the certificate must name (CN) a
 * registered facility. Refusals are audited as {@value #ACTION}.
 */
public final class ClientCertificateFilter extends CertificateAuthenticationFilter {

    /** Servlet request attribute holding the client's chain. */
    public static final String X509_ATTRIBUTE = CertificateAuthenticationFilter.X509_ATTRIBUTE;
    public static final String ACTION = "API_AUTHENTICATION";
    /** Request attribute holding the caller's {@link Facility} as read during authentication. */
    public static final String FACILITY_ATTRIBUTE = "org.openoqs.server.facility";

    private static final int MAX_REMEMBERED = 100_000;

    private final FacilityService facilities;
    /**
     * The institution code of each certificate seen (parsing the subject's DER on every request showed in the
     * profile). Only certificates that passed the verifier come here, so these are our CA's, a bounded number.
     */
    private final Map<X509Certificate, Optional<String>> codes = new ConcurrentHashMap<>();

    public ClientCertificateFilter(ClientCertificateVerifier verifier, FacilityService facilities, AuditLog audit,
                                   ApiErrorWriter errors) {
        super(verifier, audit, errors, ACTION);
        this.facilities = facilities;
    }

    @Override
    protected Authentication authenticate(X509Certificate leaf, HttpServletRequest request)
            throws CertificateRefusedException {
        Optional<String> code = codes.get(leaf);
        if (code == null) {
            code = FacilityCertificates.institutionCodeOf(leaf);
            if (codes.size() >= MAX_REMEMBERED) {
                codes.clear();
            }
            codes.put(leaf, code);
        }
        if (code.isEmpty()) {
            throw new CertificateRefusedException(HttpStatus.FORBIDDEN, "NO_INSTITUTION_CODE",
                    "クライアント証明書に医療機関コードが含まれていません");
        }
        Optional<Facility> facility = facilities.find(code.get());
        if (facility.isEmpty()) {
            throw new CertificateRefusedException(HttpStatus.FORBIDDEN, "UNKNOWN_FACILITY",
                    "クライアント証明書の医療機関は登録されていません");
        }
        request.setAttribute(FACILITY_ATTRIBUTE, facility.get());
        return new FacilityAuthentication(new FacilityPrincipal(code.get(), serial(leaf), leaf));
    }
}
