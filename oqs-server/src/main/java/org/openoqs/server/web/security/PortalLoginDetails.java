package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the login form cannot say itself: the facility of the certificate the browser presented. Accounts are
 * looked up only within it, so an account of another facility cannot sign in here. The client's address is for
 * the sign-in throttle.
 */
public record PortalLoginDetails(String institutionCode, String clientAddress) implements Serializable {

    /** Captures the details from the request checked by {@link WebCertificateFilter}. */
    static final AuthenticationDetailsSource<HttpServletRequest, PortalLoginDetails> SOURCE =
            request -> new PortalLoginDetails(CertifiedFacility.of(request).institutionCode(), request.getRemoteAddr());
}
