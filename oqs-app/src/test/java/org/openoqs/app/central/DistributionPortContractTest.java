package org.openoqs.app.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openoqs.server.distribution.DistributionConfiguration;
import org.openoqs.server.distribution.PackageCoordinates;
import org.openoqs.server.distribution.PackageRepository;
import org.openoqs.terminal.central.AvailablePackage;
import org.openoqs.terminal.central.ConnectionResult;
import org.openoqs.terminal.central.DistributionRefusedException;
import org.openoqs.terminal.central.DistributionServer;
import org.openoqs.terminal.central.HttpsDistributionServer;
import org.openoqs.terminal.central.PackageVersion;
import org.openoqs.terminal.central.ReportedVersion;
import org.openoqs.terminal.central.SimulatedDistributionServer;
import org.openoqs.terminal.central.TerminalRegistration;

/**
 * The 配信 port's contract, on the simulated implementation (serving the service's own package folder) and on the
 * HTTPS one against the real service: the same packages with the same size, hash, bytes and signature, the same
 * 配信記録, the same CA's CRL, and the same refusals.
 */
class DistributionPortContractTest {

    private static final String COMPONENT = "contract-tool";
    private static final byte[] SIGNATURE = "not judged by the service".getBytes(StandardCharsets.US_ASCII);

    enum Port {
        SIMULATED {
            @Override
            DistributionServer open() {
                return new SimulatedDistributionServer(LiveCentralService.simulated(), packageFolder(),
                        LiveCentralService.get().caDirectory.resolve("crl.pem"), Clock.systemUTC());
            }
        },
        HTTPS {
            @Override
            DistributionServer open() {
                return new HttpsDistributionServer(LiveCentralService.get().transport);
            }
        };

        abstract DistributionServer open();
    }

    @BeforeAll
    static void publish(@TempDir Path temp) throws Exception {
        PackageRepository repository = new PackageRepository(packageFolder(), Clock.systemUTC());
        if (repository.find(new PackageCoordinates(COMPONENT, "1.9")).isPresent()) {
            return; // published by an earlier run in this JVM
        }
        Path content = temp.resolve("package.zip");
        Files.writeString(content, "package 1.9");
        repository.publish(new PackageCoordinates(COMPONENT, "1.9"), content, SIGNATURE);
        Files.writeString(content, "package 1.10, unsigned");
        repository.publish(new PackageCoordinates(COMPONENT, "1.10"), content, null);
    }

    static Path packageFolder() {
        return DistributionConfiguration.packageDirectory(LiveCentralService.get().serverHome);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void theConnectionCheckNamesTheFacility(Port port) {
        ConnectionResult result = port.open().checkConnection();
        assertThat(result.connected()).isTrue();
        assertThat(result.institutionCode()).contains(LiveCentralService.CODE);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void theCrlIsTheServiceCas(Port port) {
        assertThat(port.open().crl()).hasValueSatisfying(crl -> assertThat(crl.getIssuerX500Principal().getName())
                .contains("openoqs Contract CA"));
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void thePublishedPackagesAreOfferedInVersionOrderWithTheirBytesAndSignatures(Port port, @TempDir Path temp) {
        DistributionServer server = port.open();
        List<AvailablePackage> offered = server.packages().stream().filter(p -> p.component().equals(COMPONENT))
                .toList();
        assertThat(offered).extracting(p -> p.version().text()).containsExactly("1.9", "1.10");
        AvailablePackage signed = offered.get(0);
        assertThat(signed.size()).isEqualTo("package 1.9".length());
        assertThat(signed.sha256()).hasSize(64);
        Path target = temp.resolve("download.zip");
        assertThat(target.toFile().exists() || createEmpty(target)).isTrue(); // the agent hands over a file it created
        server.download(signed, target);
        assertThat(target).hasContent("package 1.9");
        assertThat(server.signature(signed)).hasValueSatisfying(s -> assertThat(s).isEqualTo(SIGNATURE));
        assertThat(server.signature(offered.get(1))).isEmpty();
        AvailablePackage unknown = new AvailablePackage(COMPONENT, PackageVersion.of("7.0"), 10, signed.sha256());
        assertThat(server.signature(unknown)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> server.download(unknown, target)).isInstanceOf(DistributionRefusedException.class);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void aTerminalRegistersAndReportsItsVersionsAndMalformedOnesAreRefused(Port port) {
        DistributionServer server = port.open();
        String name = "PC-" + port;
        TerminalRegistration registration = server.register(name, "1.0.0");
        assertThat(registration.institutionCode()).isEqualTo(LiveCentralService.CODE);
        assertThat(registration.computerName()).isEqualTo(name);
        assertThat(server.register(name, "1.0.1").registeredAt()).isEqualTo(registration.registeredAt());
        server.reportVersions(name, List.of(new ReportedVersion(COMPONENT, PackageVersion.of("1.9"), Optional.empty())));

        assertRefused(() -> server.register("bad name!", "1.0.0"), "コンピューター名");
        assertRefused(() -> server.register(name, " "), "agentVersion");
        assertRefused(() -> server.reportVersions("PC-NEVER-REGISTERED", List.of()), "登録されていません");
        ReportedVersion twice = new ReportedVersion(COMPONENT, PackageVersion.of("1.9"), Optional.empty());
        assertRefused(() -> server.reportVersions(name, List.of(twice, twice)), "複数回");
    }

    private static boolean createEmpty(Path file) {
        try {
            Files.createFile(file);
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRefused(Runnable call, String detail) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DistributionRefusedException.class, refused -> {
            assertThat(refused.problem().code()).isEqualTo("SERVER_ERROR");
            assertThat(refused.problem().message()).contains(detail);
        });
    }
}
