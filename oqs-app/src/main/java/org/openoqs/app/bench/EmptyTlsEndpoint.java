package org.openoqs.app.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;

/**
 * The throughput floor: an HTTPS endpoint with client certificates required and nothing else — the JDK's TLS, a
 * thread per connection, every request answered {@code 204 No Content} without looking at it. What 32 clients get
 * from it is what TLS and HTTP framing alone allow on this machine; the central service's figure over this one says
 * what the application costs. It has its own throw-away CA, so it shares nothing with the demo.
 */
final class EmptyTlsEndpoint implements AutoCloseable {

    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final char[] PASSWORD = "bench-floor".toCharArray();

    private final SSLServerSocket listener;
    private final SSLContext clientTls;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-empty-endpoint");
        thread.setDaemon(true);
        return thread;
    });

    private EmptyTlsEndpoint(SSLServerSocket listener, SSLContext clientTls) {
        this.listener = listener;
        this.clientTls = clientTls;
        connections.execute(this::acceptLoop);
    }

    static EmptyTlsEndpoint start(Path workDirectory) throws IOException {
        CertificateAuthority ca = CertificateAuthority.initOrLoad(workDirectory.resolve("floor-ca"),
                "openoqs bench floor CA", PASSWORD);
        IssuedCredential server = ca.issueServerCertificate("localhost", "127.0.0.1");
        IssuedCredential client = ca.issueFacilityCertificate("0113810014", "bench floor client");
        var trust = TrustStores.trustStoreOf(ca.caCertificate());
        SSLContext serverTls = TrustStores.serverContext(server.toKeyStore("server", PASSWORD), PASSWORD, trust);
        SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory()
                .createServerSocket(0, 256, InetAddress.getLoopbackAddress());
        listener.setNeedClientAuth(true);
        return new EmptyTlsEndpoint(listener,
                TrustStores.clientContext(client.toKeyStore("client", PASSWORD), PASSWORD, trust));
    }

    URI base() {
        return URI.create("https://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** A client context whose certificate this endpoint accepts. */
    SSLContext clientTls() {
        return clientTls;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) listener.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void serve(SSLSocket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            while (true) {
                long length = readHeadForBodyLength(in);
                if (length < 0) {
                    return;
                }
                in.skipNBytes(length);
                out.write(NO_CONTENT);
                out.flush();
            }
        } catch (IOException ended) {
            // the client went away
        }
    }

    /** Reads the request line and headers; returns the Content-Length (0 if none), or -1 at end of stream. */
    private static long readHeadForBodyLength(InputStream in) throws IOException {
        long length = 0;
        StringBuilder line = new StringBuilder();
        boolean any = false;
        int c;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            String header = line.toString().strip();
            line.setLength(0);
            if (header.isEmpty()) {
                return length;
            }
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            }
        }
        return any ? length : -1;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
