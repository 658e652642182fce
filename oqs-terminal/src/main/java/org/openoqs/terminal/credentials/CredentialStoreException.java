package org.openoqs.terminal.credentials;

/** The store itself cannot be read or written (missing key file, tampered or foreign data, I/O failure). */
public final class CredentialStoreException extends CredentialException {

    public CredentialStoreException(String message, Throwable cause) {
        super(null, message, cause);
    }

    public CredentialStoreException(String message) {
        super(null, message);
    }
}
