package org.openoqs.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.CheckStatus;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.ServerConfig;

/**
 * A server that holds only the CA's public part ({@code ca.pem} + the published {@code crl.pem}, no key store)
 * still refuses revoked certificates: the CRL file is re-read when it changes.
 */
class PublishedCrlVerifierTest {

    @Test
    void revocationPublishedInTheCrlFileIsSeen(@TempDir Path dir) throws Exception {
        CertificateAuthority ca = CertificateAuthority.initOrLoad(dir.resolve("ca"), "openoqs test CA");
        Path published = Files.createDirectories(dir.resolve("published"));
        publish(ca, published);
        ServerConfig config = ServerConfig.builder(dir.resolve("home"))
                .serverKeyStore(dir.resolve("unused.p12"), null)
                .trustStore(dir.resolve("unused-trust.p12"), null)
                .ca(published, null)
                .build();
        ClientCertificateVerifier verifier = new ClientCertificateVerifier(config, Clock.systemUTC());
        IssuedCredential credential = ca.issueFacilityCertificate("0113810014", "テスト診療所");
        X509Certificate[] chain = credential.chain().toArray(new X509Certificate[0]);

        assertThat(verifier.check(chain).status()).isEqualTo(CheckStatus.OK);

        ca.revoke(credential.certificate().getSerialNumber(), "keyCompromise");
        Thread.sleep(20); // a new mtime even on coarse file systems; size changes anyway
        publish(ca, published);

        assertThat(verifier.check(chain).status()).isEqualTo(CheckStatus.REVOKED);
    }

    @Test
    void missingCrlFailsClosed(@TempDir Path dir) throws Exception {
        CertificateAuthority ca = CertificateAuthority.initOrLoad(dir.resolve("ca"), "openoqs test CA");
        Path published = Files.createDirectories(dir.resolve("published"));
        Files.copy(ca.caCertificateFile(), published.resolve(CertificateAuthority.CERTIFICATE_FILE));
        ServerConfig config = ServerConfig.builder(dir.resolve("home"))
                .serverKeyStore(dir.resolve("unused.p12"), null)
                .trustStore(dir.resolve("unused-trust.p12"), null)
                .ca(published, null)
                .build();
        ClientCertificateVerifier verifier = new ClientCertificateVerifier(config, Clock.systemUTC());
        IssuedCredential credential = ca.issueFacilityCertificate("0113810014", "テスト診療所");

        assertThat(verifier.check(credential.chain().toArray(new X509Certificate[0])).status())
                .isEqualTo(CheckStatus.CRL_UNAVAILABLE);
    }

    private static void publish(CertificateAuthority ca, Path to) throws Exception {
        ca.currentCrl();
        Files.copy(ca.caCertificateFile(), to.resolve(CertificateAuthority.CERTIFICATE_FILE),
                StandardCopyOption.REPLACE_EXISTING);
        Path tmp = to.resolve("crl.tmp");
        Files.copy(ca.crlFile(), tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to.resolve(CertificateAuthority.CRL_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
