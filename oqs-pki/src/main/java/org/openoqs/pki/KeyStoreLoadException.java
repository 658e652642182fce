package org.openoqs.pki;

/** A PKCS#12 file could not be read: missing, unreadable or not a PKCS#12 store. */
public class KeyStoreLoadException extends RuntimeException {
    public KeyStoreLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
