package org.openoqs.terminal.certificate;

/** The terminal could not renew its certificate; the old one is still in use. Japanese message. */
public final class RenewalFailedException extends RuntimeException {
    public RenewalFailedException(String message) {
        super(message);
    }

    public RenewalFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
