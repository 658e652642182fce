package org.openoqs.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a user certificate the way the service must before it trusts a card's signature: the PKIX path to the
 * individuals' CA (signature, names, validity at {@code now}, basic constraints) with the JDK's
 * {@link CertPathValidator}, then revocation against a CRL whose own signature, issuer and freshness are checked
 * first. The CRL is checked separately from PKIX because the certificates carry no distribution point: the
 * service hands the verifier its current CRL. Thread-safe.
 */
public final class UserCertificateVerifier {

    private static final int DIGITAL_SIGNATURE = 0;

    private final X509Certificate caCertificate;
    private final TrustAnchor anchor;

    public UserCertificateVerifier(X509Certificate caCertificate) {
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
        this.anchor = new TrustAnchor(caCertificate, null);
    }

    public UserCertificateStatus verify(X509Certificate certificate, X509CRL crl, Instant now) {
        if (certificate == null) {
            return UserCertificateStatus.NOT_ISSUED_BY_CA;
        }
        if (certificate.getBasicConstraints() >= 0) {
            return UserCertificateStatus.NOT_A_USER_CERTIFICATE;
        }
        boolean[] usage = certificate.getKeyUsage();
        if (usage != null && !usage[DIGITAL_SIGNATURE]) {
            return UserCertificateStatus.NOT_A_USER_CERTIFICATE;
        }
        UserCertificateStatus path = validatePath(certificate, now);
        if (path != UserCertificateStatus.VALID) {
            return path;
        }
        if (!usable(crl, now)) {
            return UserCertificateStatus.CRL_UNAVAILABLE;
        }
        return crl.getRevokedCertificate(certificate.getSerialNumber()) != null
                ? UserCertificateStatus.REVOKED : UserCertificateStatus.VALID;
    }

    private UserCertificateStatus validatePath(X509Certificate certificate, Instant now) {
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
            PKIXParameters params = new PKIXParameters(Set.of(anchor));
            params.setRevocationEnabled(false); // checked below against the service's own CRL
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(path, params);
            return UserCertificateStatus.VALID;
        } catch (CertPathValidatorException e) {
            if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return UserCertificateStatus.EXPIRED;
            }
            if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                return UserCertificateStatus.NOT_YET_VALID;
            }
            return UserCertificateStatus.NOT_ISSUED_BY_CA;
        } catch (GeneralSecurityException e) {
            return UserCertificateStatus.NOT_ISSUED_BY_CA;
        }
    }

    private boolean usable(X509CRL crl, Instant now) {
        if (crl == null || crl.getNextUpdate() == null || now.isAfter(crl.getNextUpdate().toInstant())
                || !crl.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(caCertificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
