package org.openoqs.server.testsupport;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.ServerConfig;

/** A real CA in a directory, the server's TLS key store, the trust store, and facility certificates on demand. */
public final class TestPki {

    public static final char[] PASSWORD = "test-password".toCharArray();

    private final Path dir;
    private final CertificateAuthority ca;
    private final Path serverKeyStore;
    private final Path trustStore;
    private final AtomicInteger counter = new AtomicInteger();

    private TestPki(Path dir) {
        this.dir = dir;
        this.ca = CertificateAuthority.initOrLoad(dir.resolve("ca"), "openoqs test CA");
        this.serverKeyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("trust.p12");
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(serverKeyStore, "server", PASSWORD);
        TrustStores.writeTrustStore(trustStore, PASSWORD, ca.caCertificate());
    }

    public static TestPki create(Path dir) {
        return new TestPki(dir);
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public Path caDirectory() {
        return ca.directory();
    }

    public Path trustStore() {
        return trustStore;
    }

    /**
     * A server configuration for this PKI: random port, demo data seeded, embedded H2 under {@code home} — or, when
     * the suite runs on PostgreSQL ({@link TestDatabase}), a PostgreSQL database of its own for {@code home}.
     */
    public ServerConfig.Builder serverConfig(Path home) {
        return TestDatabase.applyTo(ServerConfig.builder(home)
                .port(0)
                .bindAddress("127.0.0.1")
                .serverKeyStore(serverKeyStore, PASSWORD)
                .trustStore(trustStore, PASSWORD)
                .ca(ca.directory(), null), home);
    }

    public IssuedCredential issueFacility(String institutionCode) {
        return ca.issueFacilityCertificate(institutionCode, "テスト医療機関 " + institutionCode, Duration.ofDays(30));
    }

    public IssuedCredential issueFacility(String institutionCode, Instant notBefore, Instant notAfter) {
        return ca.issueFacilityCertificate(institutionCode, "テスト医療機関 " + institutionCode, notBefore, notAfter);
    }

    /** Writes the credential as PKCS#12 (password {@link #PASSWORD}) and returns the file. */
    public Path write(IssuedCredential credential) {
        Path file = dir.resolve("client-" + counter.incrementAndGet() + ".p12");
        credential.writePkcs12(file, "client", PASSWORD);
        return file;
    }

    /** The TLS context of a client presenting the credential (for raw sockets). */
    public SSLContext sslContext(IssuedCredential credential) {
        return TrustStores.clientContext(write(credential), PASSWORD, trustStore, PASSWORD);
    }

    /** An HTTPS client presenting the credential. */
    public HttpClient client(IssuedCredential credential) {
        return httpClient(TrustStores.clientContext(write(credential), PASSWORD, trustStore, PASSWORD));
    }

    /** An HTTPS client that trusts the server but has no client certificate. */
    public HttpClient anonymousClient() {
        try {
            KeyStore empty = KeyStore.getInstance("PKCS12");
            empty.load(null, null);
            return httpClient(TrustStores.clientContext(empty, PASSWORD, TrustStores.loadPkcs12(trustStore, PASSWORD)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient httpClient(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
