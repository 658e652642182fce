package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewed client certificate replaces the old one without a restart: the next handshake presents the new
 * certificate, and connections keep succeeding while the file is swapped.
 */
class ReloadableClientTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path tmp;

    CertificateAuthority ca;
    SSLServerSocket server;
    ExecutorService threads = Executors.newCachedThreadPool();
    Path clientP12;
    Path trust;

    @BeforeEach
    void startEchoServer() throws IOException {
        ca = Pki.ca(tmp);
        IssuedCredential serverCredential = ca.issueServerCertificate("localhost", "127.0.0.1");
        SSLContext context = TrustStores.serverContext(serverCredential.toKeyStore("server", PASSWORD), PASSWORD,
                TrustStores.trustStoreOf(ca.caCertificate()));
        server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        server.setNeedClientAuth(true);
        threads.submit(this::answerWithPeerSerial);
        trust = tmp.resolve("trust.p12");
        TrustStores.writeTrustStore(trust, PASSWORD, ca.caCertificate());
        clientP12 = tmp.resolve("client.p12");
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void answerWithPeerSerial() {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                threads.submit(() -> {
                    try (socket) {
                        socket.startHandshake();
                        X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                        socket.getOutputStream().write((peer.getSerialNumber().toString(16) + "\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // the client's problem, it will see it
                    }
                    return null;
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private String presentedSerial(ReloadableClientTls tls) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.sslContext().getSocketFactory()
                .createSocket("127.0.0.1", server.getLocalPort())) {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void nextHandshakeAfterTheSwitchPresentsTheNewCertificate() throws Exception {
        IssuedCredential old = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        old.writePkcs12(clientP12, "facility", PASSWORD);
        ReloadableClientTls tls = ReloadableClientTls.open(clientP12, PASSWORD, trust, PASSWORD);
        assertThat(presentedSerial(tls)).isEqualTo(old.certificate().getSerialNumber().toString(16));

        IssuedCredential renewed = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        renewed.writePkcs12(clientP12, "facility", PASSWORD);
        assertThat(tls.reloadIfChanged()).isTrue();

        assertThat(presentedSerial(tls)).isEqualTo(renewed.certificate().getSerialNumber().toString(16));
        assertThat(tls.currentCertificate()).isEqualTo(renewed.certificate());
    }

    @Test
    void connectionsKeepSucceedingWhileTheFileIsSwapped() throws Exception {
        IssuedCredential old = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        old.writePkcs12(clientP12, "facility", PASSWORD);
        ReloadableClientTls tls = ReloadableClientTls.open(clientP12, PASSWORD, trust, PASSWORD);
        AtomicBoolean switched = new AtomicBoolean(false);
        // the swap happens only once every client connected with the old certificate (a fixed sleep was not enough
        // on a loaded machine: the first handshakes had not finished before the switch)
        java.util.concurrent.CountDownLatch connectedBefore = new java.util.concurrent.CountDownLatch(2);
        List<Future<List<String>>> clients = new ArrayList<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int i = 0; i < 2; i++) {
            clients.add(threads.submit(() -> {
                List<String> seen = new ArrayList<>();
                int afterSwitch = 0;
                // every connection must succeed; each client runs until it made 3 connections after the switch
                while (afterSwitch < 3 && System.nanoTime() < deadline) {
                    boolean switchedBefore = switched.get();
                    seen.add(presentedSerial(tls));
                    if (seen.size() == 1) {
                        connectedBefore.countDown();
                    }
                    afterSwitch += switchedBefore ? 1 : 0;
                }
                return seen;
            }));
        }
        assertThat(connectedBefore.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        IssuedCredential renewed = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        renewed.writePkcs12(clientP12, "facility", PASSWORD);
        tls.reloadIfChanged();
        switched.set(true);

        List<String> all = new ArrayList<>();
        for (Future<List<String>> client : clients) {
            all.addAll(client.get());
        }
        String oldSerial = old.certificate().getSerialNumber().toString(16);
        String newSerial = renewed.certificate().getSerialNumber().toString(16);
        assertThat(all).doesNotContainNull().containsOnly(oldSerial, newSerial).contains(oldSerial, newSerial);
        for (Future<List<String>> client : clients) {
            List<String> seen = client.get();
            assertThat(seen.get(seen.size() - 1)).as("last connection of each client").isEqualTo(newSerial);
        }
        assertThat(presentedSerial(tls)).isEqualTo(newSerial);
    }

    @Test
    void unreadableReplacementIsNotTakenAndTheOldCertificateStays() throws Exception {
        IssuedCredential old = ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME);
        old.writePkcs12(clientP12, "facility", PASSWORD);
        ReloadableClientTls tls = ReloadableClientTls.open(clientP12, PASSWORD, trust, PASSWORD);

        ca.issueFacilityCertificate(Pki.INSTITUTION_CODE, Pki.FACILITY_NAME)
                .writePkcs12(clientP12, "facility", "another-password".toCharArray());

        assertThat(tls.reloadIfChanged()).isFalse();
        assertThat(tls.lastReloadProblem()).get().asString().contains("Wrong password");
        assertThat(presentedSerial(tls)).isEqualTo(old.certificate().getSerialNumber().toString(16));
        assertThat(Files.exists(clientP12)).isTrue();
    }
}
