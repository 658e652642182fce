package org.openoqs.pki;

/** The CA could not create, load, persist or sign its state; the message names the file or operation. */
public class CertificateAuthorityException extends RuntimeException {
    public CertificateAuthorityException(String message) {
        super(message);
    }

    public CertificateAuthorityException(String message, Throwable cause) {
        super(message, cause);
    }
}
