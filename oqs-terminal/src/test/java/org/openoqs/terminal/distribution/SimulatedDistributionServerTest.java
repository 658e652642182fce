package org.openoqs.terminal.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.PackageSigner;
import org.openoqs.terminal.central.DistributionRefusedException;
import org.openoqs.terminal.central.DistributionUnavailableException;
import org.openoqs.terminal.central.PackageVersion;
import org.openoqs.terminal.central.ReportedVersion;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.central.SimulatedDistributionServer;

/**
 * The simulated 配信 service serves a package folder laid out as the service's repository: the real agent registers,
 * installs the newest complete signed version from it (checked against the CRL the signing CA published) and reports
 * what it runs; a version still being published or
 * with damaged metadata is not offered; what the service refuses is refused; and it follows the outage switch.
 */
class SimulatedDistributionServerTest {

    @TempDir
    Path tmp;

    private CertificateAuthority ca;
    private PackageSigner signer;
    private Path folder;
    private SimulatedCentralService service;
    private SimulatedDistributionServer server;

    @BeforeEach
    void setUp() throws Exception {
        ca = CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA");
        signer = PackageSigner.of(ca.issueCodeSigningCertificate("openoqs distribution"));
        folder = Files.createDirectories(tmp.resolve("packages"));
        service = new SimulatedCentralService("0113810014",
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), Clock.systemUTC());
        server = new SimulatedDistributionServer(service, folder, ca.directory().resolve("crl.pem"),
                Clock.systemUTC());
    }

    /** Publishes as the service's repository does: content, signature, then the metadata last. */
    private void publish(String component, String version, boolean signed) throws Exception {
        Path zip = Packages.zip(tmp, component, version);
        Path dir = Files.createDirectories(folder.resolve(component).resolve(version));
        Files.copy(zip, dir.resolve("package.zip"));
        if (signed) {
            Files.write(dir.resolve("package.zip.p7s"), signer.sign(zip));
        }
        Properties metadata = new Properties();
        metadata.setProperty("component", component);
        metadata.setProperty("version", version);
        metadata.setProperty("size", Long.toString(Files.size(zip)));
        metadata.setProperty("sha256", Packages.sha256(zip));
        metadata.setProperty("publishedAt", "2026-04-01T00:00:00Z");
        try (Writer writer = Files.newBufferedWriter(dir.resolve("package.properties"), StandardCharsets.UTF_8)) {
            metadata.store(writer, null);
        }
    }

    @Test
    void theAgentInstallsTheNewestSignedPackageOfTheFolderAndItsReportIsKept() throws Exception {
        publish("oqs-terminal", "1.9.0", true);
        publish("oqs-terminal", "1.10.0", true);
        Files.createDirectories(folder.resolve("oqs-terminal").resolve(".1.11.0.staging")); // being published
        DistributionHome home = DistributionHome.of(tmp.resolve("terminal"));
        InstalledComponents components = new InstalledComponents(home, Clock.systemUTC());
        DistributionAgent agent = new DistributionAgent(server, new PackageInstaller(components, home,
                ca.caCertificate(), Clock.systemUTC()), components, home, "UKETSUKE-PC", "0.1.0",
                Duration.ofMinutes(60), Clock.systemUTC(), null);

        CycleReport report = agent.runOnce();

        assertThat(report.installed()).as(report.toString()).containsExactly("oqs-terminal 1.10.0");
        assertThat(server.packages()).extracting(p -> p.version().text()).containsExactly("1.9.0", "1.10.0");
        assertThat(server.reportedVersions("UKETSUKE-PC")).singleElement()
                .satisfies(v -> assertThat(v.current().text()).isEqualTo("1.10.0"));
        assertThat(Files.readString(home.records())).contains("医療機関コード=0113810014");
    }

    @Test
    void anUnsignedPackageIsOfferedWithoutSignatureAndTheAgentRefusesIt() throws Exception {
        publish("oqs-terminal", "2.0.0", false);
        assertThat(server.signature(server.packages().get(0))).isEmpty();
        DistributionHome home = DistributionHome.of(tmp.resolve("terminal"));
        InstalledComponents components = new InstalledComponents(home, Clock.systemUTC());
        CycleReport report = new DistributionAgent(server, new PackageInstaller(components, home, ca.caCertificate(),
                Clock.systemUTC()), components, home, "UKETSUKE-PC", "0.1.0", Duration.ofMinutes(60),
                Clock.systemUTC(), null).runOnce();
        assertThat(report.installed()).isEmpty();
        assertThat(components.state("oqs-terminal")).isEmpty();
    }

    @Test
    void theCrlIsTheOneTheSigningCaPublished() {
        assertThat(server.crl()).hasValueSatisfying(crl -> assertThat(crl.getIssuerX500Principal())
                .isEqualTo(ca.caCertificate().getSubjectX500Principal()));
        assertThat(new SimulatedDistributionServer(service, folder, null, Clock.systemUTC()).crl()).isEmpty();
    }

    @Test
    void aVersionWithDamagedMetadataIsNotOffered() throws Exception {
        publish("oqs-terminal", "1.0.0", true);
        Files.writeString(folder.resolve("oqs-terminal/1.0.0/package.properties"), "size=lots\n");
        assertThat(server.packages()).isEmpty();
    }

    @Test
    void whatTheServiceRefusesIsRefused() {
        assertThatThrownBy(() -> server.register("受付 PC", "0.1.0")).isInstanceOf(DistributionRefusedException.class)
                .hasMessageContaining("コンピューター名");
        assertThatThrownBy(() -> server.reportVersions("NEVER-REGISTERED", List.of()))
                .isInstanceOf(DistributionRefusedException.class).hasMessageContaining("登録されていません");
        server.register("UKETSUKE-PC", "0.1.0");
        ReportedVersion v = new ReportedVersion("oqs-terminal", PackageVersion.of("1.0"), Optional.empty());
        assertThatThrownBy(() -> server.reportVersions("UKETSUKE-PC", List.of(v, v)))
                .isInstanceOf(DistributionRefusedException.class).hasMessageContaining("複数回");
    }

    @Test
    void whileSwitchedDownTheConnectionCheckFailsAndCallsAreOutages() throws Exception {
        publish("oqs-terminal", "1.0.0", true);
        service.setAvailable(false);
        assertThat(server.checkConnection().connected()).isFalse();
        assertThatThrownBy(server::packages).isInstanceOf(DistributionUnavailableException.class);
        assertThatThrownBy(() -> server.register("UKETSUKE-PC", "0.1.0"))
                .isInstanceOf(DistributionUnavailableException.class);
        service.setAvailable(true);
        assertThat(server.checkConnection().institutionCode()).contains("0113810014");
        assertThat(server.packages()).hasSize(1);
    }
}
