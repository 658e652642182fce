package org.openoqs.server.office;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An issuing office authenticated by its office certificate. Holds no credentials. */
public final class OfficeAuthentication extends AbstractAuthenticationToken {

    /** Authority of every certificate-authenticated issuing office; facilities never get it. */
    public static final String ROLE_ISSUING_OFFICE = "ROLE_ISSUING_OFFICE";

    private final OfficePrincipal principal;

    public OfficeAuthentication(OfficePrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(ROLE_ISSUING_OFFICE)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public OfficePrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.actor();
    }
}
