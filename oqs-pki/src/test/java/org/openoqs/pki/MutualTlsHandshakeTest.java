package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real TLS handshake over loopback between a JDK server socket (needClientAuth) and our client context. */
class MutualTlsHandshakeTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path tmp;

    private CertificateAuthority ca;
    private SSLServerSocket serverSocket;
    private Path trustStore;

    @BeforeEach
    void startServer() throws IOException {
        ca = Pki.ca(tmp);
        IssuedCredential server = ca.issueServerCertificate("localhost", "127.0.0.1");
        SSLContext context = TrustStores.serverContext(server.toKeyStore("server", PASSWORD), PASSWORD,
                TrustStores.trustStoreOf(ca.caCertificate()));
        serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        serverSocket.setNeedClientAuth(true);
        trustStore = tmp.resolve("truststore.p12");
        TrustStores.writeTrustStore(trustStore, PASSWORD, ca.caCertificate());
    }

    @AfterEach
    void stopServer() throws IOException {
        serverSocket.close();
    }

    @Test
    void facilityCertificateFromOurCaIsAcceptedAndServerSeesTheInstitutionCode() throws Exception {
        Path clientP12 = tmp.resolve("facility.p12");
        ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME).writePkcs12(clientP12, "facility", PASSWORD);
        CompletableFuture<String> serverSide = acceptOne();

        String reply = talk(TrustStores.clientContext(clientP12, PASSWORD, trustStore, PASSWORD));

        assertThat(serverSide.get(5, TimeUnit.SECONDS)).isEqualTo(Pki.INSTITUTION_CODE);
        assertThat(reply).isEqualTo("hello " + Pki.INSTITUTION_CODE);
    }

    @Test
    void certificateFromAnotherCaIsRejectedInTheHandshake() throws Exception {
        IssuedCredential foreign = CertificateAuthority.initOrLoad(tmp.resolve("other-ca"), "openoqs Test CA")
                .issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        CompletableFuture<String> serverSide = acceptOne();
        SSLContext client = TrustStores.clientContext(foreign.toKeyStore("facility", PASSWORD), PASSWORD,
                TrustStores.loadPkcs12(trustStore, PASSWORD));

        // The client sees an alert or, if the server has already closed, a broken pipe: the server is the judge.
        assertThatThrownBy(() -> talk(client)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> serverSide.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("PKIX path validation failed");
    }

    @Test
    void clientWithoutCertificateIsRejectedInTheHandshake() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        CompletableFuture<String> serverSide = acceptOne();

        assertThatThrownBy(() -> talk(TrustStores.clientContext(empty, PASSWORD,
                TrustStores.loadPkcs12(trustStore, PASSWORD)))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> serverSide.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SSLHandshakeException.class);
    }

    /** Server: handshake, read the client's CN, answer "hello CN". */
    private CompletableFuture<String> acceptOne() {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) serverSocket.accept()) {
                socket.setSoTimeout(5000);
                socket.startHandshake();
                X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                String code = FacilityCertificates.institutionCodeOf(peer).orElse("?");
                socket.getOutputStream().write(("hello " + code + "\n").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                return code;
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /**
     * Client: verifies the server's SAN like an HTTPS client would. With TLS 1.3 the server's rejection of
     * the client certificate arrives only on the first read, so the read is part of the exchange.
     */
    private String talk(SSLContext context) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost",
                serverSocket.getLocalPort())) {
            socket.setSoTimeout(5000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (line == null) {
                throw new SSLException("Server closed the connection without answering");
            }
            return line;
        }
    }
}
