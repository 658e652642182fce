package org.openoqs.server.account;

/** No account with that ID in the caller's facility (another facility's accounts are invisible, not forbidden). */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String accountId) {
        super("アカウントが見つかりません: " + accountId);
    }
}
