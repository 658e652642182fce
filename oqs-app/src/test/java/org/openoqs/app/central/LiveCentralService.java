package org.openoqs.app.central;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.pki.ReloadableClientTls;

/**
 * The real central service in this JVM (H2, its seeded synthetic population, one facility with its client
 * certificate) for the port contract tests, and the simulated service answering from the very same population:
 * a scenario run on both must give the same answer. Shared by the test classes of this JVM; stopped at exit.
 */
final class LiveCentralService {

    static final String CODE = "0113810014";
    static final int POPULATION = 50;
    private static final char[] PASSWORD = "contract-password".toCharArray();
    private static LiveCentralService instance;

    final Path serverHome;
    final Path caDirectory;
    final CentralServer server;
    final CentralServiceHttp transport;

    private LiveCentralService() throws IOException {
        Path root = Files.createTempDirectory("oqs-port-contract");
        CertificateAuthority ca = CertificateAuthority.initOrLoad(root.resolve("ca"), "openoqs Contract CA", PASSWORD);
        caDirectory = ca.directory();
        Path serverDir = Files.createDirectories(root.resolve("server"));
        serverHome = serverDir;
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(serverDir.resolve("server.p12"), "server",
                PASSWORD);
        TrustStores.writeTrustStore(serverDir.resolve("trust.p12"), PASSWORD, ca.caCertificate());
        server = CentralServer.start(ServerConfig.builder(serverDir).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(serverDir.resolve("server.p12"), PASSWORD)
                .trustStore(serverDir.resolve("trust.p12"), PASSWORD)
                .ca(ca.directory(), PASSWORD).seedDemoData(true).populationSize(POPULATION).build());
        server.facilities().create(CODE, "契約試験診療所");
        ca.issueFacilityCertificate(CODE, "契約試験診療所").writePkcs12(root.resolve("client.p12"), "client", PASSWORD);
        transport = new CentralServiceHttp(server.baseUri(), ReloadableClientTls.open(root.resolve("client.p12"),
                PASSWORD, serverDir.resolve("trust.p12"), PASSWORD).sslContext(), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    static synchronized LiveCentralService get() {
        if (instance == null) {
            try {
                instance = new LiveCentralService();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LiveCentralService started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started.server::close));
        }
        return instance;
    }

    /** The population the service seeded itself with today. */
    static SyntheticPopulation population() {
        return SyntheticPopulation.standard(ServerConfig.POPULATION_SEED, POPULATION, today());
    }

    static LocalDate today() {
        return LocalDate.now(Clock.system(TerminalConfig.JAPAN));
    }

    /** The simulated service on the same population, with the settings of a new facility at the real service. */
    static SimulatedCentralService simulated() {
        SimulatedCentralService simulated = new SimulatedCentralService(CODE,
                new InMemoryQualificationRegistry(population()), Clock.system(TerminalConfig.JAPAN));
        simulated.setMedicalAssistance(false); // a new facility has not opted in to 医療扶助
        return simulated;
    }
}
