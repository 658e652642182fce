package org.openoqs.app.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import org.openoqs.app.distribution.DemoDistribution;
import org.openoqs.app.distribution.TerminalServices;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.linkage.LinkageFolders;

/**
 * One real central service (no registry seeding: these tests need none) with a demo-style home: CA, the first signed
 * package published, and a healthy terminal home ({@code terminal.properties}) whose linkage agent runs and whose
 * distribution agent has done one cycle. Shared by the test classes of this JVM; stopped at exit.
 */
final class LiveTerminal {
    static final String CODE = "0113810014";
    static final char[] PASSWORD = "live-password".toCharArray();
    private static LiveTerminal instance;

    final Path root;
    final CertificateAuthority ca;
    final CentralServer server;
    final FacilityTerminal terminal;

    private LiveTerminal() throws IOException {
        root = Files.createTempDirectory("oqs-live-terminal");
        ca = CertificateAuthority.initOrLoad(root.resolve("ca"), "openoqs Live CA", PASSWORD);
        Path serverDir = root.resolve("server");
        Files.createDirectories(serverDir);
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(serverDir.resolve("server.p12"), "server", PASSWORD);
        TrustStores.writeTrustStore(serverDir.resolve("trust.p12"), PASSWORD, ca.caCertificate());
        Files.writeString(root.resolve("secrets.properties"), "ca.password=" + new String(PASSWORD)
                + "\ndistribution.signer.password=" + new String(PASSWORD) + "\n");
        DemoDistribution.prepare(root, ca, PASSWORD);
        server = CentralServer.start(ServerConfig.builder(serverDir).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(serverDir.resolve("server.p12"), PASSWORD)
                .trustStore(serverDir.resolve("trust.p12"), PASSWORD)
                .ca(ca.directory(), PASSWORD).seedDemoData(false).build());
        server.facilities().create(CODE, "ライブ診療所");
        Path home = terminalHome("terminal", ca.issueFacilityCertificate(CODE, "ライブ診療所"));
        TerminalConfig config = new TerminalConfig(CODE, server.baseUri(), home.resolve("client.p12"),
                PASSWORD, home.resolve("trust.p12"), PASSWORD, new LinkageFolders(root.resolve("OQS/req"),
                root.resolve("OQS/res"), home.resolve("work")), null, Duration.ofSeconds(5), Duration.ofSeconds(15),
                null, home, root.resolve("OQS/face"), null);
        terminal = FacilityTerminal.start(config, FacilityTerminal.overHttps(config));
        TerminalServices.of(TerminalSetupLoader.load(home).setup()).agent(Duration.ofHours(1), 0).runOnce();
    }

    static synchronized LiveTerminal get() {
        if (instance == null) {
            try {
                instance = new LiveTerminal();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LiveTerminal started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.terminal.close();
                started.server.close();
            }));
        }
        return instance;
    }

    /** The healthy terminal home. */
    Path home() {
        return root.resolve("terminal");
    }

    /**
     * A terminal home {@code root/<name>} with its own certificate, sharing the exchange folders; restart time 02:17,
     * computer name = the folder name upper-cased.
     */
    Path terminalHome(String name, IssuedCredential credential) throws IOException {
        Path home = root.resolve(name);
        for (Path dir : new Path[] {root.resolve("OQS/req"), root.resolve("OQS/res"), root.resolve("OQS/face"),
                home.resolve("work")}) {
            Files.createDirectories(dir);
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(home.resolve("work"), PosixFilePermissions.fromString("rwx------"));
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, CODE);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0" + CODE, "linkage-secret");
        credential.writePkcs12(home.resolve("client.p12"), "facility", PASSWORD);
        TrustStores.writeTrustStore(home.resolve("trust.p12"), PASSWORD, ca.caCertificate());
        Properties p = new Properties();
        p.setProperty("service.uri", server == null ? "https://127.0.0.1:1/" : server.baseUri().toString());
        p.setProperty("client.p12", "client.p12");
        p.setProperty("client.p12.password", new String(PASSWORD));
        p.setProperty("trust.p12", "trust.p12");
        p.setProperty("trust.p12.password", new String(PASSWORD));
        p.setProperty("institution.code", CODE);
        p.setProperty("restart.time", "02:17");
        p.setProperty("computer.name", name.toUpperCase(java.util.Locale.ROOT));
        p.setProperty("ca.crl", "../ca/crl.pem");
        try (Writer writer = Files.newBufferedWriter(home.resolve("terminal.properties"), StandardCharsets.UTF_8)) {
            p.store(writer, "live test terminal");
        }
        return home;
    }

    /** Rewrites one key of a home's terminal.properties. */
    static void setProperty(Path home, String key, String value) throws IOException {
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("terminal.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        p.setProperty(key, value);
        try (Writer writer = Files.newBufferedWriter(home.resolve("terminal.properties"), StandardCharsets.UTF_8)) {
            p.store(writer, "live test terminal");
        }
    }
}
