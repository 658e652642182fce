package org.openoqs.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The project's test CA for healthcare professionals, in the role the HPKI CAs (医師会, 薬剤師会, MEDIS) play: it
 * issues HPKI-style signature certificates (署名用証明書) whose {@code hcRole} says 医師 / 歯科医師 / 薬剤師, and signs
 * the CRL of those certificates. Prescriptions are verified against it, never against the facility CA: a facility's
 * TLS certificate must not be able to sign a prescription, nor a doctor's certificate open a TLS session.
 *
 * <p>Directory (the demo keeps it at {@code <facility CA>/hpki}):
 * <pre>
 *   ca.p12        CA key + certificate (alias "ca"), mode 600
 *   ca.password   its password, mode 600
 *   ca.pem        CA certificate: the trust anchor of prescription signatures
 *   revoked.tsv   revoked serials: {@code <serial hex>\t<revocation instant>}
 *   crl.pem       current CRL, re-signed on every revocation and a day before its nextUpdate
 * </pre>
 * Signature certificates carry keyUsage digitalSignature + nonRepudiation (critical), no EKU, subject
 * {@code CN=<name>, O=openoqs test HPKI, C=JP} and the hcRole attribute ({@link HpkiCertificates}). Thread-safe
 * within one process.
 */
public final class HpkiCertificateAuthority {

    public static final String ORGANIZATION = "openoqs test HPKI";
    public static final String CERTIFICATE_FILE = "ca.pem";
    public static final String CRL_FILE = "crl.pem";
    public static final Duration CA_VALIDITY = Duration.ofDays(7305);
    /** 5 years, as the real HPKI signature certificates. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1826);
    public static final Duration CRL_VALIDITY = Duration.ofDays(7);
    private static final Duration CRL_REFRESH_MARGIN = Duration.ofDays(1);
    private static final String KEY_STORE_FILE = "ca.p12";
    private static final String PASSWORD_FILE = "ca.password";
    private static final String REVOKED_FILE = "revoked.tsv";
    private static final String ALIAS = "ca";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Clock clock;
    private X509CRL crl;

    private HpkiCertificateAuthority(Path dir, PrivateKey key, X509Certificate certificate, Clock clock) {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** Creates the CA in {@code dir} on first use and loads it afterwards. */
    public static synchronized HpkiCertificateAuthority initOrLoad(Path dir, String caName, Clock clock) {
        Objects.requireNonNull(caName, "caName");
        Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(dir);
            Path store = dir.resolve(KEY_STORE_FILE);
            HpkiCertificateAuthority ca;
            if (Files.exists(store)) {
                char[] password = Files.readString(dir.resolve(PASSWORD_FILE), StandardCharsets.US_ASCII).strip()
                        .toCharArray();
                KeyStore ks = TrustStores.loadPkcs12(store, password);
                Key k = ks.getKey(ALIAS, password);
                Certificate c = ks.getCertificate(ALIAS);
                if (!(k instanceof PrivateKey pk) || !(c instanceof X509Certificate cert)) {
                    throw new CertificateAuthorityException(store + " has no key entry '" + ALIAS + "'", null);
                }
                ca = new HpkiCertificateAuthority(dir, pk, cert, clock);
            } else {
                ca = create(dir, caName, clock);
            }
            ca.currentCrl();
            return ca;
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot initialise the HPKI CA in " + dir + ": " + e, e);
        }
    }

    private static HpkiCertificateAuthority create(Path dir, String caName, Clock clock)
            throws IOException, GeneralSecurityException {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        KeyPair keys = X509Signing.newKeyPair();
        Instant notBefore = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate cert = X509Signing.selfSignedCa(keys, name(caName), new BigInteger(64, RANDOM).setBit(63),
                notBefore, notBefore.plus(CA_VALIDITY));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        AtomicFiles.writeSecret(dir.resolve(PASSWORD_FILE), (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
        AtomicFiles.writeSecret(dir.resolve(KEY_STORE_FILE), out.toByteArray());
        AtomicFiles.writePublic(dir.resolve(CERTIFICATE_FILE),
                Pem.encode("CERTIFICATE", cert.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        return new HpkiCertificateAuthority(dir, keys.getPrivate(), cert, clock);
    }

    public X509Certificate caCertificate() {
        return certificate;
    }

    public Path directory() {
        return dir;
    }

    /** A signature certificate valid {@link #DEFAULT_VALIDITY} from now. */
    public IssuedCredential issueSignatureCertificate(String holderName, HealthcareRole role) {
        Instant notBefore = clock.instant().minus(Duration.ofMinutes(5));
        return issueSignatureCertificate(holderName, role, notBefore, notBefore.plus(DEFAULT_VALIDITY));
    }

    /** Explicit validity window (tests and demos that need expired or not-yet-valid certificates). */
    public synchronized IssuedCredential issueSignatureCertificate(String holderName, HealthcareRole role,
            Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(role, "role");
        if (holderName == null || holderName.isBlank() || holderName.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("holderName must be a name without control characters");
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
        try {
            KeyPair keys = X509Signing.newKeyPair();
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    new BigInteger(72, RANDOM).setBit(71),
                    time(notBefore.truncatedTo(ChronoUnit.SECONDS)), time(notAfter.truncatedTo(ChronoUnit.SECONDS)),
                    name(holderName.strip()), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectDirectoryAttributes, false, HpkiCertificates.hcRoleAttributes(role))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate.getPublicKey()));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
            return new IssuedCredential(keys.getPrivate(), cert, List.of(cert, certificate));
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot issue an HPKI certificate for " + holderName + ": " + e, e);
        }
    }

    /** Revokes a certificate of this CA and re-signs the CRL. Revoking again keeps the first date. */
    public synchronized void revoke(BigInteger serial) {
        Objects.requireNonNull(serial, "serial");
        try {
            Map<BigInteger, Instant> revoked = readRevoked();
            if (revoked.putIfAbsent(serial, clock.instant().truncatedTo(ChronoUnit.SECONDS)) == null) {
                StringBuilder text = new StringBuilder();
                revoked.forEach((s, at) -> text.append(s.toString(16)).append('\t').append(at).append('\n'));
                AtomicFiles.writePublic(dir.resolve(REVOKED_FILE), text.toString().getBytes(StandardCharsets.US_ASCII));
            }
            writeCrl(revoked);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot revoke " + serial.toString(16) + ": " + e, e);
        }
    }

    /** The current CRL, re-signed first when it is close to its nextUpdate. */
    public synchronized X509CRL currentCrl() {
        try {
            if (crl == null) {
                crl = readCrl(dir.resolve(CRL_FILE), certificate);
            }
            if (crl == null || !clock.instant().plus(CRL_REFRESH_MARGIN).isBefore(crl.getNextUpdate().toInstant())) {
                writeCrl(readRevoked());
            }
            return crl;
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot sign the HPKI CRL: " + e, e);
        }
    }

    /**
     * Reads a CRL file written by this class, checked against {@code issuer}; {@code null} when missing, unreadable
     * or not signed by the issuer (a verifier without the CA key uses this).
     */
    public static X509CRL readCrl(Path file, X509Certificate issuer) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL loaded = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            loaded.verify(issuer.getPublicKey());
            return loaded;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private void writeCrl(Map<BigInteger, Instant> revoked) throws IOException, GeneralSecurityException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), time(now));
        builder.setNextUpdate(time(now.plus(CRL_VALIDITY)));
        revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey()));
        X509CRL signed = new JcaX509CRLConverter().getCRL(builder.build(signer()));
        AtomicFiles.writePublic(dir.resolve(CRL_FILE),
                Pem.encode("X509 CRL", signed.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        crl = signed;
    }

    private Map<BigInteger, Instant> readRevoked() throws IOException {
        Map<BigInteger, Instant> out = new LinkedHashMap<>();
        Path file = dir.resolve(REVOKED_FILE);
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] parts = line.strip().split("\t");
            if (parts.length == 2) {
                out.put(new BigInteger(parts[0], 16), Instant.parse(parts[1]));
            }
        }
        return out;
    }

    private ContentSigner signer() throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(X509Signing.SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "JP").addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static Time time(Instant instant) {
        return new Time(Date.from(instant), Locale.ROOT);
    }
}
