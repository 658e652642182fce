package org.openoqs.terminal.credentials;

/**
 * A problem with the terminal's credentials. The message is Japanese, names the key and says what to do; it is
 * meant to be shown to the person installing the terminal as it is.
 */
public class CredentialException extends RuntimeException {

    private final CredentialKey key;

    public CredentialException(CredentialKey key, String message) {
        super(message);
        this.key = key;
    }

    public CredentialException(CredentialKey key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The entry concerned, or {@code null} when the store as a whole is affected. */
    public CredentialKey key() {
        return key;
    }
}
