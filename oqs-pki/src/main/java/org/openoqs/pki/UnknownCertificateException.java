package org.openoqs.pki;

import java.math.BigInteger;

/** A serial number that this CA never issued (e.g. given to {@link CertificateAuthority#revoke}). */
public final class UnknownCertificateException extends CertificateAuthorityException {
    private final BigInteger serial;

    public UnknownCertificateException(BigInteger serial) {
        super("No certificate with serial " + Serials.format(serial) + " was issued by this CA");
        this.serial = serial;
    }

    public BigInteger serial() {
        return serial;
    }
}
