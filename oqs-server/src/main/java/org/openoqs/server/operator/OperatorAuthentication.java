package org.openoqs.server.operator;

import org.openoqs.server.security.CertificateAuthentication;

/** The central service's operator, authenticated by an operator certificate. */
public final class OperatorAuthentication extends CertificateAuthentication<OperatorPrincipal> {

    /** Authority of every certificate-authenticated operator; facilities and offices never get it. */
    public static final String ROLE_OPERATOR = "ROLE_OPERATOR";

    public OperatorAuthentication(OperatorPrincipal principal) {
        super(principal, ROLE_OPERATOR, principal.actor());
    }
}
