package org.openoqs.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.CentralServer;

/**
 * One central service for every test class of the JVM that does not need its own (start-up costs seconds):
 * real CA and mutual TLS, embedded H2, the full synthetic registry, and the demo facility 0113810014 with
 * 医療扶助 switched on. Classes that change settings create their own facility. Stopped at JVM exit.
 */
public final class SharedServer {

    public static final String DEMO_CODE = "0113810014";
    public static final String DEMO_NAME = "オープン診療所（デモ）";

    private static SharedServer instance;

    private final Path dir;
    private final TestPki pki;
    private final CentralServer server;
    private final IssuedCredential demoCredential;
    private final HttpClient demoClient;

    private SharedServer() throws IOException {
        dir = Files.createTempDirectory("oqs-server-shared");
        pki = TestPki.create(dir.resolve("pki"));
        server = CentralServer.start(pki.serverConfig(dir.resolve("home")).build());
        server.facilities().create(DEMO_CODE, DEMO_NAME);
        server.facilities().setMedicalAssistance(DEMO_CODE, true);
        demoCredential = pki.issueFacility(DEMO_CODE);
        demoClient = pki.client(demoCredential);
    }

    public static synchronized SharedServer get() {
        if (instance == null) {
            try {
                instance = new SharedServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            SharedServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "oqs-shared-server-stop"));
        }
        return instance;
    }

    public TestPki pki() {
        return pki;
    }

    public CentralServer server() {
        return server;
    }

    public URI base() {
        return server.baseUri();
    }

    public IssuedCredential demoCredential() {
        return demoCredential;
    }

    /** HTTPS client with the demo facility's certificate. */
    public HttpClient demoClient() {
        return demoClient;
    }

    private void stop() {
        server.close();
        deleteRecursively(dir);
    }

    public static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
