package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow the terminal and server use: java.net.http with {@link TrustStores#clientContext} against an HTTPS
 * server demanding a client certificate, which then runs {@link CertificateChecker} per request.
 */
class HttpClientMutualTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path tmp;

    private CertificateAuthority ca;
    private HttpsServer server;

    @BeforeEach
    void startServer() throws IOException {
        ca = Pki.ca(tmp);
        IssuedCredential serverCredential = ca.issueServerCertificate("localhost", "127.0.0.1");
        SSLContext context = TrustStores.serverContext(serverCredential.toKeyStore("server", PASSWORD), PASSWORD,
                TrustStores.trustStoreOf(ca.caCertificate()));
        CertificateChecker checker = CertificateChecker.forAuthority(ca);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                parameters.setNeedClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/whoami", exchange -> {
            X509Certificate[] chain = (X509Certificate[]) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates();
            CheckResult result = checker.check(chain);
            String body = result.ok() ? FacilityCertificates.institutionCodeOf(chain[0]).orElseThrow()
                    : result.message();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(result.ok() ? 200 : 403, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void facilityIsIdentifiedThenRejectedOnceRevoked() throws Exception {
        IssuedCredential facility = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        Path clientP12 = tmp.resolve("facility.p12");
        Path trustP12 = tmp.resolve("truststore.p12");
        facility.writePkcs12(clientP12, "facility", PASSWORD);
        TrustStores.writeTrustStore(trustP12, PASSWORD, ca.caCertificate());
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TrustStores.clientContext(clientP12, PASSWORD, trustP12, PASSWORD)).build();
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/whoami");

        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        ca.revoke(facility.certificate().getSerialNumber(), "keyCompromise");
        HttpResponse<String> rejected = client.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEqualTo(Pki.INSTITUTION_CODE);
        assertThat(rejected.statusCode()).isEqualTo(403);
        assertThat(rejected.body()).isEqualTo("クライアント証明書が失効しています");
    }
}
