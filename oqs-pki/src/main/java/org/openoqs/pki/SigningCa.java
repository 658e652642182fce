package org.openoqs.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * The one CA a CMS signer must come from (packages: the project CA; prescriptions: the HPKI CA), and the checks both
 * signature verifiers make against it: a certificate issued and signed by it, a CRL it signed that is still current.
 */
final class SigningCa {

    private final X509Certificate certificate;

    SigningCa(X509Certificate certificate) {
        this.certificate = Objects.requireNonNull(certificate, "trustAnchor");
    }

    /** Issued under this CA's name and signed by its key. */
    boolean issued(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A CRL this CA signed whose next update is not past {@code at}. */
    boolean currentCrl(X509CRL crl, Instant at) {
        if (crl == null || crl.getNextUpdate() == null || at.isAfter(crl.getNextUpdate().toInstant())
                || !crl.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
