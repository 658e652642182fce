package org.openoqs.pki;

/** An {@code SSLContext} could not be built from the given key and trust stores. */
public final class TlsContextException extends RuntimeException {
    public TlsContextException(String message, Throwable cause) {
        super(message, cause);
    }
}
