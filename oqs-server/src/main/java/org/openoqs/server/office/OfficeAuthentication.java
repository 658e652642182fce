package org.openoqs.server.office;

import org.openoqs.server.security.CertificateAuthentication;

/** An issuing office authenticated by its office certificate. */
public final class OfficeAuthentication extends CertificateAuthentication<OfficePrincipal> {

    /** Authority of every certificate-authenticated issuing office; facilities never get it. */
    public static final String ROLE_ISSUING_OFFICE = "ROLE_ISSUING_OFFICE";

    public OfficeAuthentication(OfficePrincipal principal) {
        super(principal, ROLE_ISSUING_OFFICE, principal.actor());
    }
}
