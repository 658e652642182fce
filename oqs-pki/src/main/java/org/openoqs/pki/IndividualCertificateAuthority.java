package org.openoqs.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The project's test CA for individuals, in the role J-LIS plays for My Number Cards: it certifies the key of
 * each card (and of each smartphone that carries the card's credential) with a JPKI-style user-authentication
 * certificate (利用者証明用電子証明書), signs the CRL of those certificates and the issuing office's PIN resets.
 *
 * <p>It is a CA separate from {@link CertificateAuthority} on purpose: facility certificates authenticate TLS
 * clients, card certificates only sign presence statements, and neither may ever pass for the other. Unlike the
 * facility CA it keeps no index: the central service stores the certificates it issued and their revocations in
 * its database and passes them in when a CRL is signed. Only the key lives here:
 * <pre>
 *   ca.p12        CA key + certificate (PKCS#12, alias "ca"), mode 600
 *   ca.password   password of ca.p12, mode 600
 *   ca.pem        CA certificate (the trust anchor the cards and the verifier use)
 * </pre>
 * User certificates carry no EKU and only the digitalSignature key usage, like JPKI user certificates; their
 * subject is {@code CN=<card id>, OU=<credential>, O=openoqs test JPKI, C=JP}. Thread-safe. The key is kept as the
 * facility CA keeps its own ({@link CaKey}).
 */
public final class IndividualCertificateAuthority {

    public static final String ORGANIZATION = "openoqs test JPKI";
    public static final Duration CA_VALIDITY = CaKey.CA_VALIDITY;
    /** A card's key is only ever revoked because it may no longer be its holder's alone. */
    private static final String REVOCATION_REASON = "keyCompromise";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaKey key;

    private IndividualCertificateAuthority(CaKey key) {
        this.key = key;
    }

    /** Creates the CA in {@code dir} on first use and loads it afterwards. */
    public static synchronized IndividualCertificateAuthority initOrLoad(Path dir, String caName, Clock clock) {
        Objects.requireNonNull(caName, "caName");
        try {
            Files.createDirectories(dir);
            return new IndividualCertificateAuthority(CaKey.createOrLoad(dir, name(caName, null), null, clock));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot initialise the individuals' CA in " + dir + ": " + e, e);
        }
    }

    public X509Certificate caCertificate() {
        return key.certificate();
    }

    /** A fresh random positive serial (the service keeps them unique in its database). */
    public static BigInteger newSerial() {
        return new BigInteger(72, RANDOM).setBit(71);
    }

    /**
     * A user-authentication certificate for a card or smartphone key. The validity window is explicit because
     * the registry decides it (a card whose certificate expired in the past gets a certificate that did).
     *
     * @param credentialLabel goes into OU, e.g. {@code MyNumberCard}
     */
    public X509Certificate issueUserCertificate(BigInteger serial, String cardId, String credentialLabel,
            PublicKey publicKey, Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        try {
            return X509Signing.signatureCertificate(key, serial, name(cardId, credentialLabel), publicKey,
                    notBefore.truncatedTo(ChronoUnit.SECONDS), notAfter.truncatedTo(ChronoUnit.SECONDS),
                    new KeyUsage(KeyUsage.digitalSignature), Map.of());
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot issue a user certificate for " + cardId + ": " + e, e);
        }
    }

    /** The CRL listing {@code revoked} (serial → revocation time); the service publishes it, this CA keeps none. */
    public X509CRL signCrl(Map<BigInteger, Instant> revoked, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
        try {
            return X509Signing.crl(key, crlNumber, thisUpdate, nextUpdate, revoked.entrySet().stream()
                    .map(e -> new CrlPublisher.Revocation(e.getKey(), e.getValue(), REVOCATION_REASON)).toList());
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot sign the individuals' CRL: " + e, e);
        }
    }

    /** Signs an issuing-office statement (e.g. a PIN reset) with the CA key; verify with the CA certificate. */
    public byte[] signStatement(byte[] statement) {
        try {
            return X509Signing.sign(key, statement);
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot sign a statement: " + e, e);
        }
    }

    /** PEM text of a certificate (for storage in the service's database and JSON). */
    public static String pem(X509Certificate cert) {
        try {
            return Pem.encode("CERTIFICATE", cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot encode a certificate", e);
        }
    }

    private static X500Name name(String commonName, String unit) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, ORGANIZATION);
        if (unit != null) {
            b.addRDN(BCStyle.OU, unit);
        }
        return b.addRDN(BCStyle.CN, commonName).build();
    }
}
