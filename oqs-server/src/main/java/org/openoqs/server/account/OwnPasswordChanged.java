package org.openoqs.server.account;

import java.util.Objects;

/**
 * Published (inside the change's transaction) when a person changed their own password: every other session of
 * the account must end — whoever learnt the old password and signed in with it is out — while the session that
 * made the change goes on.
 *
 * @param keepSessionId the portal session that made the change ({@code null}: end them all)
 */
public record OwnPasswordChanged(String institutionCode, String accountId, String keepSessionId) {

    public OwnPasswordChanged {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(accountId, "accountId");
    }
}
