package org.openoqs.server.web.security;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.openoqs.server.account.Account;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.PasswordPolicy;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in person, kept in the HTTP session. {@code pendingPasswordChange} is set while the forced password
 * change is outstanding; until then the session carries only {@link #PASSWORD_CHANGE_REQUIRED} and no role, so
 * every other screen is refused by the server.
 */
public record PortalUser(String institutionCode, String accountId, AccountKind kind, String displayName,
                         PasswordPolicy.ChangeReason pendingPasswordChange) implements Serializable {

    /** The only authority of a session that must change its password first. */
    public static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    public PortalUser {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
    }

    public static PortalUser of(Account account, PasswordPolicy.ChangeReason pending) {
        return new PortalUser(account.institutionCode(), account.accountId(), account.kind(), account.displayName(),
                pending);
    }

    public AccountActor actor() {
        return new AccountActor(institutionCode, accountId, kind);
    }

    public PortalUser passwordChanged() {
        return new PortalUser(institutionCode, accountId, kind, displayName, null);
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(pendingPasswordChange == null ? kind.authority()
                : PASSWORD_CHANGE_REQUIRED));
    }

    /** The authenticated token Spring Security keeps in the session. */
    public UsernamePasswordAuthenticationToken authentication() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, authorities());
    }

    @Override
    public String toString() {
        return institutionCode + "/" + accountId;
    }
}
