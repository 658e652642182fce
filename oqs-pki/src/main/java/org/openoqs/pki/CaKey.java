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
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The key and certificate of one of the project's CAs, kept in its directory the same way by all three (facility,
 * HPKI and individuals' CA):
 * <pre>
 *   ca.p12        CA key + certificate (PKCS#12, alias "ca"), mode 600
 *   ca.password   password of ca.p12 (only when no password was passed in), mode 600
 *   ca.pem        CA certificate, the trust anchor handed to whoever verifies what the CA signs
 * </pre>
 * The CA certificate is self-signed, EC P-256, valid {@link #CA_VALIDITY} from five minutes ago (a verifier whose
 * clock runs a little behind accepts it). Callers serialise creation themselves (a lock or a monitor).
 */
record CaKey(PrivateKey privateKey, X509Certificate certificate) {
    static final String KEY_STORE_FILE = "ca.p12";
    static final String PASSWORD_FILE = "ca.password";
    static final String CERTIFICATE_FILE = "ca.pem";
    static final String ALIAS = "ca";
    /** 20 years including 5 leap days. */
    static final Duration CA_VALIDITY = Duration.ofDays(7305);
    /** notBefore is back-dated so a verifier whose clock runs a little behind accepts a fresh certificate. */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    CaKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    static boolean existsIn(Path dir) {
        return Files.exists(dir.resolve(KEY_STORE_FILE));
    }

    /**
     * Loads the CA of {@code dir}, or creates it with {@code subject} when {@code ca.p12} is missing.
     *
     * @param password protects {@code ca.p12}; null to use {@code ca.password} (generated when the CA is created)
     */
    static CaKey createOrLoad(Path dir, X500Name subject, char[] password, Clock clock)
            throws IOException, GeneralSecurityException {
        boolean exists = existsIn(dir);
        char[] storePassword = resolvePassword(dir, password, !exists);
        CaKey key = exists ? load(dir, storePassword) : create(dir, subject, storePassword, clock);
        if (!Files.exists(dir.resolve(CERTIFICATE_FILE))) {
            key.writeCertificatePem(dir);
        }
        return key;
    }

    private static CaKey create(Path dir, X500Name subject, char[] password, Clock clock)
            throws IOException, GeneralSecurityException {
        KeyPair keys = X509Signing.newKeyPair();
        Instant notBefore = clock.instant().minus(CLOCK_SKEW_ALLOWANCE).truncatedTo(ChronoUnit.SECONDS);
        X509Certificate cert = X509Signing.selfSignedCa(keys, subject, new BigInteger(64, RANDOM).setBit(63),
                notBefore, notBefore.plus(CA_VALIDITY));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        // ca.p12 before ca.pem: its presence is what marks the directory as an initialised CA.
        AtomicFiles.writeSecret(dir.resolve(KEY_STORE_FILE), out.toByteArray());
        return new CaKey(keys.getPrivate(), cert);
    }

    private static CaKey load(Path dir, char[] password) throws GeneralSecurityException, IOException {
        Path file = dir.resolve(KEY_STORE_FILE);
        KeyStore store;
        try {
            store = TrustStores.loadPkcs12(file, password);
        } catch (KeyStoreLoadException e) {
            throw new CertificateAuthorityException("Cannot open the CA key store " + file + ": " + e.getMessage(), e);
        }
        Key key = store.getKey(ALIAS, password);
        Certificate cert = store.getCertificate(ALIAS);
        if (!(key instanceof PrivateKey privateKey) || !(cert instanceof X509Certificate caCert)) {
            throw new CertificateAuthorityException(file + " has no private key entry with alias " + ALIAS);
        }
        return new CaKey(privateKey, caCert);
    }

    private static char[] resolvePassword(Path dir, char[] given, boolean creating) throws IOException {
        if (given != null) {
            return given.clone();
        }
        Path file = dir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        if (!creating) {
            throw new CertificateAuthorityException(dir.resolve(KEY_STORE_FILE)
                    + " exists but no password was given and " + file + " is missing");
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AtomicFiles.writeSecret(file, (generated + "\n").getBytes(StandardCharsets.US_ASCII));
        return generated.toCharArray();
    }

    private void writeCertificatePem(Path dir) throws IOException, GeneralSecurityException {
        AtomicFiles.writePublic(dir.resolve(CERTIFICATE_FILE),
                Pem.encode("CERTIFICATE", certificate.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The subject of the CA certificate as an issuer name for what it signs. */
    X500Name issuerName() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }
}
