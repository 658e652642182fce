package org.openoqs.pki;

/** The CA will not renew: the request does not fit the certificate it is meant to replace. Japanese message. */
public final class RenewalRefusedException extends CertificateAuthorityException {
    public RenewalRefusedException(String message) {
        super(message);
    }
}
