package org.openoqs.server.account;

/** The caller's account type may not do this to that account. The message is Japanese, for the user. */
public class AccountOperationRefusedException extends RuntimeException {

    public AccountOperationRefusedException(String message) {
        super(message);
    }
}
