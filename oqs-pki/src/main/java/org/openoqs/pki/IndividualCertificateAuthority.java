package org.openoqs.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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
 * subject is {@code CN=<card id>, OU=<credential>, O=openoqs test JPKI, C=JP}. Thread-safe.
 */
public final class IndividualCertificateAuthority {

    public static final String ORGANIZATION = "openoqs test JPKI";
    public static final Duration CA_VALIDITY = Duration.ofDays(7305);
    private static final String KEY_STORE_FILE = "ca.p12";
    private static final String PASSWORD_FILE = "ca.password";
    private static final String CERTIFICATE_FILE = "ca.pem";
    private static final String ALIAS = "ca";
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    private IndividualCertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Creates the CA in {@code dir} on first use and loads it afterwards. */
    public static synchronized IndividualCertificateAuthority initOrLoad(Path dir, String caName, Clock clock) {
        Objects.requireNonNull(caName, "caName");
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve(KEY_STORE_FILE);
            if (Files.exists(store)) {
                char[] password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.US_ASCII).strip()
                        .toCharArray();
                KeyStore ks = TrustStores.loadPkcs12(store, password);
                Key k = ks.getKey(ALIAS, password);
                Certificate c = ks.getCertificate(ALIAS);
                if (!(k instanceof PrivateKey pk) || !(c instanceof X509Certificate cert)) {
                    throw new CertificateAuthorityException(store + " has no key entry '" + ALIAS + "'");
                }
                return new IndividualCertificateAuthority(pk, cert);
            }
            byte[] secret = new byte[24];
            RANDOM.nextBytes(secret);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
            KeyPair keys = X509Signing.newKeyPair();
            Instant notBefore = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
            X500Name subject = name(caName, null);
            X509Certificate cert = X509Signing.selfSignedCa(keys, subject, new BigInteger(64, RANDOM).setBit(63),
                    notBefore, notBefore.plus(CA_VALIDITY));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            AtomicFiles.writeSecret(dir.resolve(PASSWORD_FILE), (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.writeSecret(store, out.toByteArray());
            AtomicFiles.writePublic(dir.resolve(CERTIFICATE_FILE),
                    Pem.encode("CERTIFICATE", cert.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            return new IndividualCertificateAuthority(keys.getPrivate(), cert);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot initialise the individuals' CA in " + dir + ": " + e, e);
        }
    }

    public X509Certificate caCertificate() {
        return certificate;
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
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), serial,
                    time(notBefore.truncatedTo(ChronoUnit.SECONDS)), time(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                    name(cardId, credentialLabel), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate.getPublicKey()));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot issue a user certificate for " + cardId + ": " + e, e);
        }
    }

    /** The CRL listing {@code revoked} (serial → revocation time). */
    public X509CRL signCrl(Map<BigInteger, Instant> revoked, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), time(thisUpdate));
            builder.setNextUpdate(time(nextUpdate));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), org.bouncycastle.asn1.x509.CRLReason.keyCompromise));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey()));
            return new JcaX509CRLConverter().getCRL(builder.build(signer()));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot sign the individuals' CRL: " + e, e);
        }
    }

    /** Signs an issuing-office statement (e.g. a PIN reset) with the CA key; verify with the CA certificate. */
    public byte[] signStatement(byte[] statement) {
        try {
            Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
            s.initSign(key);
            s.update(statement);
            return s.sign();
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

    private org.bouncycastle.operator.ContentSigner signer() throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X500Name name(String commonName, String unit) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, ORGANIZATION);
        if (unit != null) {
            b.addRDN(BCStyle.OU, unit);
        }
        return b.addRDN(BCStyle.CN, commonName).build();
    }

    private static Time time(Instant instant) {
        return new Time(Date.from(instant), Locale.ROOT);
    }
}
