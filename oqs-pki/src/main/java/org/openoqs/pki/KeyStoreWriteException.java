package org.openoqs.pki;

/** A key store, certificate or key could not be encoded or written to disk. */
public final class KeyStoreWriteException extends RuntimeException {
    public KeyStoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
