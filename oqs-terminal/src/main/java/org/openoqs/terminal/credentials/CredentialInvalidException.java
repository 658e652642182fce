package org.openoqs.terminal.credentials;

/** An entry breaks its key's rule (wrong user name, malformed code, forbidden characters …). */
public final class CredentialInvalidException extends CredentialException {

    public CredentialInvalidException(CredentialKey key, String message) {
        super(key, message);
    }
}
