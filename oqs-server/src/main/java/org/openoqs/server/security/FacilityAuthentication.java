package org.openoqs.server.security;

/** A terminal authenticated by its facility client certificate. */
public final class FacilityAuthentication extends CertificateAuthentication<FacilityPrincipal> {

    /** Authority of every certificate-authenticated terminal. */
    public static final String ROLE_TERMINAL = "ROLE_TERMINAL";

    public FacilityAuthentication(FacilityPrincipal principal) {
        super(principal, ROLE_TERMINAL, principal.institutionCode());
    }
}
