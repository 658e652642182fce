package org.openoqs.terminal.credentials;

/** A required entry is not in the store: the terminal does not start. */
public final class CredentialMissingException extends CredentialException {

    public CredentialMissingException(CredentialKey key, String message) {
        super(key, message);
    }
}
