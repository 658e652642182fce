package org.openoqs.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Stands in for the certificate store of the terminal's browser: headless Chromium cannot be told which client
 * certificate to present (the AutoSelectCertificateForUrls policy needs a machine-wide policy file and an NSS
 * database, and is reported not to work headless), so the browser talks HTTPS to this local proxy, which opens its
 * own TLS connection to the demo presenting the facility's PKCS#12 and passes the bytes through unchanged. The
 * server therefore sees exactly what it sees from a real browser with the certificate installed: every request
 * over a mutually authenticated connection. Test code only.
 */
final class ClientCertificateProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext upstreamTls;
    private final String upstreamHost;
    private final int upstreamPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "client-certificate-proxy");
        t.setDaemon(true);
        return t;
    });

    private ClientCertificateProxy(ServerSocket listener, SSLContext upstreamTls, URI upstream) {
        this.listener = listener;
        this.upstreamTls = upstreamTls;
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort();
    }

    /**
     * @param browserSide TLS context whose key the browser sees (any certificate; the browser accepts it)
     * @param upstreamTls TLS context with the facility's client certificate and the demo CA as trust anchor
     * @param upstream    the demo's HTTPS base URI
     */
    static ClientCertificateProxy start(SSLContext browserSide, SSLContext upstreamTls, URI upstream) throws IOException {
        ServerSocket listener = browserSide.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        ClientCertificateProxy proxy = new ClientCertificateProxy(listener, upstreamTls, upstream);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** {@code https://localhost:PORT/} */
    URI baseUri() {
        return URI.create("https://localhost:" + listener.getLocalPort() + "/");
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                threads.execute(() -> bridge(browser));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void bridge(Socket browser) {
        try (browser; SSLSocket server = (SSLSocket) upstreamTls.getSocketFactory().createSocket(upstreamHost,
                upstreamPort)) {
            server.startHandshake();
            threads.execute(() -> pump(server, browser));
            pump(browser, server);
        } catch (IOException gone) {
            // one side closed: the other one is closed by try-with-resources
        }
    }

    /** Copies until end of stream, then closes both sides (TLS sockets cannot half-close). */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // connection ended
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}
