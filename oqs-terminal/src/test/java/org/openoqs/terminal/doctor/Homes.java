package org.openoqs.terminal.doctor;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;

/** Crafted terminal homes: a healthy one to start from, and the ways the tests break it. */
final class Homes {
    static final String CODE = "0113810014";
    static final char[] PASSWORD = "test-password".toCharArray();

    private Homes() {
    }

    /** A healthy home under {@code root}: folders, credentials, certificate and trust store of {@code ca}. */
    static TerminalSetup healthy(Path root, CertificateAuthority ca) throws Exception {
        return healthy(root, ca, ca.issueFacilityCertificate(CODE, "オープン診療所"));
    }

    static TerminalSetup healthy(Path root, CertificateAuthority ca, IssuedCredential credential) throws Exception {
        Path home = root.resolve("terminal");
        Path exchange = root.resolve("OQS");
        for (Path dir : List.of(exchange.resolve("req"), exchange.resolve("res"), exchange.resolve("face"),
                home.resolve("work"))) {
            Files.createDirectories(dir);
        }
        // as an installer sets it up (and the demo does): the terminal home is the service user's alone
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(home.resolve("work"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, CODE);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0" + CODE, "linkage-secret");
        store.set(CredentialKey.OQS_CRYPT_PASS, null, "abc123");
        credential.writePkcs12(home.resolve("client.p12"), "facility", PASSWORD);
        TrustStores.writeTrustStore(home.resolve("trust.p12"), PASSWORD, ca.caCertificate());
        return setup(root, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("02:17"),
                Clock.systemUTC());
    }

    static TerminalSetup setup(Path root, Optional<String> ntp, Optional<String> proxy, Optional<String> bypass,
                               Optional<String> restart, Clock clock) {
        Path home = root.resolve("terminal");
        Path exchange = root.resolve("OQS");
        return new TerminalSetup(home, Optional.of(CODE), URI.create("https://localhost:1/"),
                home.resolve("client.p12"), PASSWORD, home.resolve("trust.p12"), PASSWORD, exchange,
                exchange.resolve("req"), exchange.resolve("res"), exchange.resolve("face"), home.resolve("work"),
                ntp, proxy, bypass, restart, "UKETSUKE-PC", List.of(root.resolve("smb.conf")),
                root.resolve("systemd"), Optional.empty(), Duration.ofSeconds(2), clock);
    }

    static Clock shifted(Duration by) {
        return Clock.offset(Clock.systemUTC(), by);
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, java.time.ZoneOffset.UTC);
    }

    /**
     * Writes entries straight into the store's encrypted file, bypassing its validation: a store filled by an older
     * version or by hand, which is what doctor must catch.
     */
    static void writeRawCredentials(Path home, String... keyUserSecret) throws Exception {
        byte[] key = Files.readAllBytes(home.resolve(CredentialStore.KEY_FILE));
        StringBuilder plain = new StringBuilder();
        Base64.Encoder b64 = Base64.getEncoder();
        for (int i = 0; i < keyUserSecret.length; i += 3) {
            plain.append(keyUserSecret[i]).append('\t')
                    .append(b64.encodeToString(keyUserSecret[i + 1].getBytes(StandardCharsets.UTF_8))).append('\t')
                    .append(b64.encodeToString(keyUserSecret[i + 2].getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        String header = "openoqs-credentials v1 AES-256-GCM";
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        byte[] sealedBody = cipher.doFinal(plain.toString().getBytes(StandardCharsets.UTF_8));
        byte[] sealed = new byte[nonce.length + sealedBody.length];
        System.arraycopy(nonce, 0, sealed, 0, nonce.length);
        System.arraycopy(sealedBody, 0, sealed, nonce.length, sealedBody.length);
        Files.writeString(home.resolve(CredentialStore.DATA_FILE), header + "\n" + b64.encodeToString(sealed) + "\n");
    }

    static Finding run(DoctorCheck check, TerminalSetup setup) {
        return check.run(new DoctorContext(setup));
    }
}
