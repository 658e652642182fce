package org.openoqs.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller authenticated by its client certificate, with the one authority of its kind (terminal or issuing office).
 * Holds no credentials: the certificate was checked on this request.
 *
 * @param <P> the principal controllers receive with {@code @AuthenticationPrincipal}
 */
public class CertificateAuthentication<P> extends AbstractAuthenticationToken {

    private final P principal;
    private final String name;

    protected CertificateAuthentication(P principal, String authority, String name) {
        super(List.of(new SimpleGrantedAuthority(authority)));
        this.principal = principal;
        this.name = name;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public P getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return name;
    }
}
