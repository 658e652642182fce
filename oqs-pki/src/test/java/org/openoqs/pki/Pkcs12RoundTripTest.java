package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Pkcs12RoundTripTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void writtenKeyStoreLoadsWithItsPasswordWithKeyAndChain() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        IssuedCredential credential = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        Path file = tmp.resolve("out/facility.p12");

        credential.writePkcs12(file, "facility", PASSWORD);
        KeyStore loaded = TrustStores.loadPkcs12(file, PASSWORD);

        assertThat(loaded.getKey("facility", PASSWORD)).isEqualTo(credential.privateKey());
        assertThat(loaded.getCertificateChain("facility"))
                .containsExactly(credential.certificate(), ca.caCertificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).as("no temp file left behind").containsExactly(file);
        }
    }

    @Test
    void wrongPasswordAndMissingFileFailWithNamedExceptions() {
        IssuedCredential credential = Pki.ca(tmp).issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        Path file = tmp.resolve("facility.p12");
        credential.writePkcs12(file, "facility", PASSWORD);

        assertThatThrownBy(() -> TrustStores.loadPkcs12(file, "wrong".toCharArray()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessageContaining(file.toString());
        assertThatThrownBy(() -> TrustStores.loadPkcs12(tmp.resolve("missing.p12"), PASSWORD))
                .isInstanceOf(KeyStoreLoadException.class)
                .isNotInstanceOf(WrongPasswordException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void inMemoryBytesEqualWhatTheFileHolds() throws Exception {
        IssuedCredential credential = Pki.ca(tmp).issueServerCertificate("localhost");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(credential.toPkcs12("server", PASSWORD)), PASSWORD);

        assertThat(store.getCertificate("server")).isEqualTo(credential.certificate());
    }

    @Test
    void trustStoreRoundTripHoldsOnlyTheAnchors() throws Exception {
        CertificateAuthority ca = Pki.ca(tmp);
        Path file = tmp.resolve("truststore.p12");

        TrustStores.writeTrustStore(file, PASSWORD, ca.caCertificate());
        KeyStore loaded = TrustStores.loadPkcs12(file, PASSWORD);

        assertThat(Collections.list(loaded.aliases())).containsExactly("trusted-0");
        assertThat(loaded.isCertificateEntry("trusted-0")).isTrue();
        assertThat(loaded.getCertificate("trusted-0")).isEqualTo(ca.caCertificate());
    }

    @Test
    void pemFormsParseBackToTheSameCertificateAndKey() throws Exception {
        IssuedCredential credential = Pki.ca(tmp).issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);

        assertThat(credential.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Pki.parsePem(credential.certificatePem())).isEqualTo(credential.certificate());
        assertThat(credential.chainPem()).contains(credential.certificatePem());

        String pem = credential.privateKeyPem();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(base64)))).isEqualTo(credential.privateKey());
        assertThat(credential.toString()).doesNotContain(base64.substring(0, 20));
    }

    @Test
    void chainMustStartWithTheCertificate() {
        IssuedCredential credential = Pki.ca(tmp).issueServerCertificate("localhost");

        assertThatThrownBy(() -> new IssuedCredential(credential.privateKey(), credential.certificate(),
                List.of(credential.chain().get(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
