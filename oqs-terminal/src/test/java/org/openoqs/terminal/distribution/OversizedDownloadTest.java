package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.RefusalReason;

import org.openoqs.terminal.central.PackageRefusedException;

import org.openoqs.terminal.central.PackageVersion;

import org.openoqs.terminal.central.AvailablePackage;

import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.HttpsDistributionServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 14: the package download obeys the listed size. A server that keeps sending (here: without end) is
 * cut off right after the listed size and the package refused; a short body is refused too.
 */
class OversizedDownloadTest {

    private static final int LISTED = 4096;

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicLong sentByEndlessServer = new AtomicLong();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/distribution/packages/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length: only the listed size can stop the reader
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline) { // bounded, in case the reader never stops
                    out.write(chunk);
                    sentByEndlessServer.addAndGet(chunk.length);
                }
            } catch (IOException readerHungUp) {
                // expected: the terminal stopped reading
            }
        });
        server.createContext("/api/v1/distribution/packages/short", exchange -> {
            byte[] body = new byte[LISTED / 2];
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anEndlessBodyIsCutOffAtTheListedSizeAndRefused() throws Exception {
        Path target = Files.createFile(dir.resolve("download.zip.part"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().download(offer("endless"), target))
                .isInstanceOfSatisfying(PackageRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.SIZE))
                .hasMessageContaining("一覧のサイズ");

        assertThat(Files.size(target)).isEqualTo(LISTED + 1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aShortBodyIsRefused() throws Exception {
        Path target = Files.createFile(dir.resolve("download.zip.part"));

        assertThatThrownBy(() -> client().download(offer("short"), target))
                .isInstanceOfSatisfying(PackageRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusalReason.SIZE));
    }

    private HttpsDistributionServer client() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new HttpsDistributionServer(new CentralServiceHttp(base, SSLContext.getDefault(), Duration.ofSeconds(5),
                Duration.ofSeconds(5)));
    }

    private static AvailablePackage offer(String component) {
        return new AvailablePackage(component, PackageVersion.of("1.0.0"), LISTED, "00".repeat(32));
    }
}
