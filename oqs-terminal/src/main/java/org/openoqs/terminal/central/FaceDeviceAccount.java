package org.openoqs.terminal.central;

import java.util.Objects;
import java.util.Optional;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;

/**
 * The card reader's 顔認証用アカウント (seed chapter 8: one per 顔認証機器), with which it signs in to the service
 * before its first card (docs/card-path.md, "Device sign-in"). Kept in the terminal's credential store as
 * {@link CredentialKey#OQS_FACE_LOGIN_KEY}.
 */
public record FaceDeviceAccount(String accountId, String password) {

    public FaceDeviceAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(password, "password");
    }

    /**
     * The entry of the terminal's store, re-validated; empty when it is not set.
     *
     * @throws org.openoqs.terminal.credentials.CredentialException the store cannot be read or the entry is malformed
     */
    public static Optional<FaceDeviceAccount> fromStore(CredentialStore store) {
        return store.get(CredentialKey.OQS_FACE_LOGIN_KEY)
                .map(c -> CredentialKey.OQS_FACE_LOGIN_KEY.validate(c.user(), c.secret()))
                .map(c -> new FaceDeviceAccount(c.user(), c.secret()));
    }

    @Override
    public String toString() {
        return "FaceDeviceAccount[" + accountId + "]"; // never the password
    }
}
