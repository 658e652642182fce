package org.openoqs.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

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
 * within one process. The key is kept as the facility CA keeps its own ({@link CaKey}), the CRL published the same
 * way ({@link CrlPublisher}).
 */
public final class HpkiCertificateAuthority {

    public static final String ORGANIZATION = "openoqs test HPKI";
    public static final String CERTIFICATE_FILE = CaKey.CERTIFICATE_FILE;
    public static final String CRL_FILE = CrlPublisher.CRL_FILE;
    public static final Duration CA_VALIDITY = CaKey.CA_VALIDITY;
    /** 5 years, as the real HPKI signature certificates. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1826);
    public static final Duration CRL_VALIDITY = CrlPublisher.CRL_VALIDITY;
    private static final String REVOKED_FILE = "revoked.tsv";
    /** Every HPKI certificate is revoked for the one reason a signer's certificate is: its key is not his alone. */
    private static final String REVOCATION_REASON = "keyCompromise";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final CaKey key;
    private final Clock clock;
    // Guarded by this.
    private final CrlPublisher crl;

    private HpkiCertificateAuthority(Path dir, CaKey key, Clock clock) {
        this.dir = dir;
        this.key = key;
        this.clock = clock;
        this.crl = new CrlPublisher(dir, key, clock);
    }

    /** Creates the CA in {@code dir} on first use and loads it afterwards. */
    public static synchronized HpkiCertificateAuthority initOrLoad(Path dir, String caName, Clock clock) {
        Objects.requireNonNull(caName, "caName");
        Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(dir);
            HpkiCertificateAuthority ca = new HpkiCertificateAuthority(dir,
                    CaKey.createOrLoad(dir, name(caName), null, clock), clock);
            ca.currentCrl();
            return ca;
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot initialise the HPKI CA in " + dir + ": " + e, e);
        }
    }

    public X509Certificate caCertificate() {
        return key.certificate();
    }

    public Path directory() {
        return dir;
    }

    /** A signature certificate valid {@link #DEFAULT_VALIDITY} from now. */
    public IssuedCredential issueSignatureCertificate(String holderName, HealthcareRole role) {
        Instant notBefore = clock.instant().minus(CaKey.CLOCK_SKEW_ALLOWANCE);
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
            X509Certificate cert = X509Signing.signatureCertificate(key, new BigInteger(72, RANDOM).setBit(71),
                    name(holderName.strip()), keys.getPublic(), notBefore.truncatedTo(ChronoUnit.SECONDS),
                    notAfter.truncatedTo(ChronoUnit.SECONDS),
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation),
                    Map.of(Extension.subjectDirectoryAttributes, HpkiCertificates.hcRoleAttributes(role)));
            return new IssuedCredential(keys.getPrivate(), cert, List.of(cert, key.certificate()));
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
            publish(revoked);
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot revoke " + serial.toString(16) + ": " + e, e);
        }
    }

    /** The current CRL, re-signed first when it is close to its nextUpdate or misses a revocation. */
    public synchronized X509CRL currentCrl() {
        try {
            Map<BigInteger, Instant> revoked = readRevoked();
            if (crl.isStale(revoked.keySet())) {
                publish(revoked);
            }
            return crl.current();
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateAuthorityException("cannot sign the HPKI CRL: " + e, e);
        }
    }

    /**
     * Reads a CRL file written by this class, checked against {@code issuer}; {@code null} when missing, unreadable
     * or not signed by the issuer (a verifier without the CA key uses this).
     */
    public static X509CRL readCrl(Path file, X509Certificate issuer) {
        return CrlPublisher.read(file, issuer);
    }

    /** The CRL number is the signing second: this CA keeps no counter, and it signs at most once a second. */
    private void publish(Map<BigInteger, Instant> revoked) throws IOException, GeneralSecurityException {
        BigInteger number = BigInteger.valueOf(clock.instant().getEpochSecond());
        crl.publish(number, revoked.entrySet().stream()
                .map(e -> new CrlPublisher.Revocation(e.getKey(), e.getValue(), REVOCATION_REASON)).toList());
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

    private static X500Name name(String commonName) {
        return CertificateIssuance.subject(ORGANIZATION, commonName);
    }
}
