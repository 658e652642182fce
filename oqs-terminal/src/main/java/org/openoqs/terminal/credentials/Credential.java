package org.openoqs.terminal.credentials;

import java.util.Objects;

/**
 * One entry of the store: a key, its user name and its secret (password, code or encryption password).
 * {@link #toString()} never shows the secret.
 */
public record Credential(CredentialKey key, String user, String secret) {

    public Credential {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "Credential[" + key + ", user=" + user + ", secret=***]";
    }
}
