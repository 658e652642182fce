package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.FacilityPrincipal;

/**
 * The facility whose client certificate the browser presented on this request, as checked by
 * {@link WebCertificateFilter}. Every portal request has one; nothing of the portal runs without it.
 */
public record CertifiedFacility(Facility facility, FacilityPrincipal certificate) {

    static final String ATTRIBUTE = CertifiedFacility.class.getName();

    public String institutionCode() {
        return facility.institutionCode();
    }

    /** @throws IllegalStateException when the filter did not run (a configuration error, not a user error) */
    public static CertifiedFacility of(HttpServletRequest request) {
        return find(request).orElseThrow(() -> new IllegalStateException("no certified facility on "
                + request.getRequestURI()));
    }

    /** Empty on requests the filter refused or never saw (error pages, style sheets). */
    public static Optional<CertifiedFacility> find(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof CertifiedFacility certified
                ? Optional.of(certified) : Optional.empty();
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
