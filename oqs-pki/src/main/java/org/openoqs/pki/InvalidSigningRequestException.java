package org.openoqs.pki;

/** A certificate signing request that is not PKCS#10 or whose self-signature does not verify; Japanese message. */
public final class InvalidSigningRequestException extends CertificateAuthorityException {
    public InvalidSigningRequestException(String message) {
        super(message);
    }
}
