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
     * What never changes about a certificate our CA signed, judged once instead of on every request: the CA signature
     * (an ECDSA verification per request showed in the profile), the validity dates and whether it is meant for
     * client authentication (its extensions sit behind a synchronized map in the JDK, on which the request threads
     * of a terminal queued). Whether the certificate is inside its validity window now and not on the current CRL is
     * still judged on every request. Keyed by the certificate, whose equality is that of its encoded bytes.
     */
    private final Map<X509Certificate, Facts> verified = new ConcurrentHashMap<>();
    /** The last CRL whose signature was verified; the supplier usually returns the same object. */
    private volatile X509CRL verifiedCrl;

    private record Facts(Instant notBefore, Instant notAfter, boolean clientAuthentication) {
        static Facts of(X509Certificate cert) {
            return new Facts(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                    forClientAuthentication(cert));
        }
    }

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
        Facts facts = issuedByCa(cert);
        if (facts == null) {
            return CheckResult.of(CheckStatus.NOT_ISSUED_BY_CA);
        }
        if (now.isAfter(facts.notAfter())) {
            return CheckResult.of(CheckStatus.EXPIRED);
        }
        if (now.isBefore(facts.notBefore())) {
            return CheckResult.of(CheckStatus.NOT_YET_VALID);
        }
        if (!facts.clientAuthentication()) {
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

    /** The certificate's facts when our CA signed it, else {@code null}. */
    private Facts issuedByCa(X509Certificate cert) {
        if (!cert.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
            return null;
        }
        Facts known = verified.get(cert);
        if (known != null) {
            return known;
        }
        try {
            cert.verify(caCertificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            return null;
        }
        if (verified.size() >= MAX_VERIFIED_SIGNATURES) {
            verified.clear(); // a bound, not an eviction policy: terminals re-verify once
        }
        Facts facts = Facts.of(cert);
        verified.put(cert, facts);
        return facts;
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
