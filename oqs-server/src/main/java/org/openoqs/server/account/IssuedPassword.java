package org.openoqs.server.account;

/**
 * An account together with the password the system just issued for it (new account or reset). The password is
 * shown once to the manager, never stored in clear and never logged.
 */
public record IssuedPassword(Account account, String password) {

    @Override
    public String toString() {
        return "IssuedPassword[" + account.accountId() + "]";
    }
}
