package org.openoqs.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The check a server runs on every request's client certificate, after the TLS handshake: issued by our CA,
 * inside its validity window, meant for client authentication, and not on the CA's current CRL.
 * The TLS layer already checked the chain, but a TLS session can outlive a revocation or an expiry, and
 * the JDK's TLS stack does not read our CRL.
 */
public final class CertificateChecker {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int DIGITAL_SIGNATURE = 0;

    private final X509Certificate caCertificate;
    private final Supplier<X509CRL> crlSupplier;
    private static final int MAX_VERIFIED_SIGNATURES = 100_000;

    /**
     * Certificates whose CA signature has been verified. A signature never changes, so each terminal's certificate
     * is verified once instead of on every request (an ECDSA verification per request showed in the profile);
     * validity, key usage and revocation are still judged on every request. Keyed by the certificate, whose
     * equality is that of its encoded bytes.
     */
    private final Map<X509Certificate, Boolean> verifiedSignatures = new ConcurrentHashMap<>();
    /** The last CRL whose signature was verified; the supplier usually returns the same object. */
    private volatile X509CRL verifiedCrl;

    public CertificateChecker(X509Certificate caCertificate, Supplier<X509CRL> crlSupplier) {
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
        this.crlSupplier = Objects.requireNonNull(crlSupplier, "crlSupplier");
    }

    /** Checker for a CA in the same process; sees revocations immediately. */
    public static CertificateChecker forAuthority(CertificateAuthority ca) {
        return new CertificateChecker(ca.caCertificate(), ca::currentCrl);
    }

    public CheckResult check(X509Certificate[] chain) {
        return check(chain, Instant.now());
    }

    /** Only {@code chain[0]} (the client's own certificate) is judged; the rest is what the client sent. */
    public CheckResult check(X509Certificate[] chain, Instant now) {
        if (chain == null || chain.length == 0 || chain[0] == null) {
            return CheckResult.of(CheckStatus.NO_CERTIFICATE);
        }
        X509Certificate cert = chain[0];
        if (!issuedByCa(cert)) {
            return CheckResult.of(CheckStatus.NOT_ISSUED_BY_CA);
        }
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            return CheckResult.of(CheckStatus.EXPIRED);
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return CheckResult.of(CheckStatus.NOT_YET_VALID);
        }
        if (!forClientAuthentication(cert)) {
            return CheckResult.of(CheckStatus.NOT_A_CLIENT_CERTIFICATE);
        }
        X509CRL crl = crlSupplier.get();
        if (!usable(crl, now)) {
            return CheckResult.of(CheckStatus.CRL_UNAVAILABLE);
        }
        if (crl.getRevokedCertificate(cert.getSerialNumber()) != null) {
            return CheckResult.of(CheckStatus.REVOKED);
        }
        return CheckResult.of(CheckStatus.OK);
    }

    private boolean issuedByCa(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return false;
        }
        if (verifiedSignatures.containsKey(cert)) {
            return true;
        }
        try {
            cert.verify(caCertificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        if (verifiedSignatures.size() >= MAX_VERIFIED_SIGNATURES) {
            verifiedSignatures.clear(); // a bound, not an eviction policy: terminals re-verify once
        }
        verifiedSignatures.put(cert, Boolean.TRUE);
        return true;
    }

    /** Strict: an end-entity certificate with an explicit clientAuth EKU (a missing EKU is not accepted). */
    private static boolean forClientAuthentication(X509Certificate cert) {
        if (cert.getBasicConstraints() >= 0) {
            return false;
        }
        boolean[] keyUsage = cert.getKeyUsage();
        if (keyUsage != null && !keyUsage[DIGITAL_SIGNATURE]) {
            return false;
        }
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku != null && eku.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private boolean usable(X509CRL crl, Instant now) {
        if (crl == null || crl.getNextUpdate() == null || now.isAfter(crl.getNextUpdate().toInstant())) {
            return false;
        }
        if (crl == verifiedCrl) {
            return true;
        }
        try {
            if (!crl.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
                return false;
            }
            crl.verify(caCertificate.getPublicKey());
            verifiedCrl = crl;
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
