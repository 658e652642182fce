package org.openoqs.server.web.security;

import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.SignInResult;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Form login of the portal: ID and password checked by {@link AccountService#signIn} within the certificate's
 * facility. The exceptions carry no detail the user could use to tell unknown IDs from wrong passwords.
 */
public final class PortalAuthenticationProvider implements AuthenticationProvider {

    private final AccountService accounts;

    public PortalAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getDetails() instanceof PortalLoginDetails details)) {
            throw new BadCredentialsException("no certified facility");
        }
        Object credentials = authentication.getCredentials();
        SignInResult result = accounts.signIn(details.institutionCode(), authentication.getName(),
                credentials == null ? null : credentials.toString(), details.clientAddress());
        if (result instanceof SignInResult.Success success) {
            PortalUser user = PortalUser.of(success.account(), success.changeRequired().orElse(null));
            UsernamePasswordAuthenticationToken token = user.authentication();
            token.setDetails(details);
            return token;
        }
        if (result instanceof SignInResult.Locked) {
            throw new LockedException("locked");
        }
        if (result instanceof SignInResult.Throttled) {
            throw new LoginThrottledException();
        }
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
