package org.openoqs.server.testsupport;

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
 * The facility PC's certificate store, for a headless Chromium that cannot be told which client certificate to present
 * (see docs/web-portal.md "The browser test and the certificate"; oqs-it's {@code PortalBrowserIT} uses it in front of
 * the demo process, through this module's test jar): the browser speaks HTTPS to this loopback listener, and every connection is
 * carried on over a TLS connection of its own to the service, presenting the facility's certificate. Bytes pass
 * unchanged, so the service sees each request over a mutually authenticated connection, as from a real browser with
 * the certificate installed. Test code only.
 */
public final class ClientCertificateRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext facilityTls;
    private final URI service;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "client-certificate-relay");
        t.setDaemon(true);
        return t;
    });

    private ClientCertificateRelay(ServerSocket listener, SSLContext facilityTls, URI service) {
        this.listener = listener;
        this.facilityTls = facilityTls;
        this.service = service;
    }

    /**
     * @param browserTls  the listener's TLS (a server certificate the browser is told to accept)
     * @param facilityTls the facility's client certificate and the service's trust anchor
     * @param service     the service's HTTPS base URI
     */
    public static ClientCertificateRelay start(SSLContext browserTls, SSLContext facilityTls, URI service)
            throws IOException {
        ServerSocket listener = browserTls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        ClientCertificateRelay relay = new ClientCertificateRelay(listener, facilityTls, service);
        relay.workers.execute(relay::accept);
        return relay;
    }

    /** {@code https://localhost:<port>/}, where the browser goes. */
    public URI base() {
        return URI.create("https://localhost:" + listener.getLocalPort() + "/");
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket browser = listener.accept();
                workers.execute(() -> carry(browser));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void carry(Socket browser) {
        try (browser; SSLSocket upstream = (SSLSocket) facilityTls.getSocketFactory().createSocket(service.getHost(),
                service.getPort())) {
            upstream.startHandshake();
            workers.execute(() -> copy(upstream, browser));
            copy(browser, upstream);
        } catch (IOException ended) {
            // either side went away; both are closed here
        }
    }

    /** Until end of stream; then both sockets close (TLS has no half-close). */
    private static void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // the connection is over
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyClosed) {
            // nothing left to do
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        workers.shutdownNow();
    }
}
