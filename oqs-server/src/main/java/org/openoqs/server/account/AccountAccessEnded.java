package org.openoqs.server.account;

import java.util.Objects;

/**
 * Published (inside the operation's transaction) when an account's earlier sign-ins must stop counting: it was
 * disabled, or its password was re-issued. Whoever keeps sessions of accounts — the portal's
 * (PortalSessionTermination) and the face-auth readers' device sessions — ends them, so that a later re-enable
 * does not bring an old session back.
 *
 * @param reason {@code DISABLED} or {@code PASSWORD_RESET}, for the audit trail
 */
public record AccountAccessEnded(String institutionCode, String accountId, String reason) {

    public AccountAccessEnded {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(reason, "reason");
    }
}
