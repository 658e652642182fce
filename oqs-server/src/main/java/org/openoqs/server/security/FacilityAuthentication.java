package org.openoqs.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A terminal authenticated by its facility client certificate. Holds no credentials. */
public final class FacilityAuthentication extends AbstractAuthenticationToken {

    /** Authority of every certificate-authenticated terminal. */
    public static final String ROLE_TERMINAL = "ROLE_TERMINAL";

    private final FacilityPrincipal principal;

    public FacilityAuthentication(FacilityPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority(ROLE_TERMINAL)));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public FacilityPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.institutionCode();
    }
}
