package org.openoqs.pki;

/** A PKCS#12 file exists and is well-formed but the password does not open it (integrity check failed). */
public final class WrongPasswordException extends KeyStoreLoadException {
    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
