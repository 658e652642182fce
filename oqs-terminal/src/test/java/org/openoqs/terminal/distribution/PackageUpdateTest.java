package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.ConnectionProblem;

import org.openoqs.terminal.central.PackageVersion;

import org.openoqs.terminal.central.AvailablePackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.PackageSigner;

/**
 * The agent installs the newest signed version side by side and switches to it; anything tampered, unsigned,
 * signed by a non-code-signing certificate, off its listed hash or mislabelled is refused and the version in use
 * keeps running.
 */
class PackageUpdateTest {
    @TempDir
    Path tmp;

    CertificateAuthority ca;
    PackageSigner codeSigner;
    Packages.FakeServer server;
    InstalledComponents components;
    DistributionAgent agent;
    DistributionHome home;

    @BeforeEach
    void setUp() throws Exception {
        ca = CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA");
        codeSigner = PackageSigner.of(ca.issueCodeSigningCertificate("openoqs distribution"));
        server = new Packages.FakeServer(ca);
        home = DistributionHome.of(tmp.resolve("terminal"));
        components = new InstalledComponents(home, Clock.systemUTC());
        PackageInstaller installer = new PackageInstaller(components, home, ca.caCertificate(), Clock.systemUTC());
        agent = new DistributionAgent(server, installer, components, home, "UKETSUKE-PC", "0.1.0",
                Duration.ofMinutes(60), Clock.systemUTC(), null);
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.0.0"), codeSigner));
        agent.runOnce();
    }

    private String versionInUse() throws Exception {
        var state = components.state("oqs-terminal").orElseThrow();
        return state.current().text() + "/" + Files.readString(state.directory().resolve("VERSION"));
    }

    @Test
    void newestSignedVersionIsInstalledSideBySideAndReported() throws Exception {
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.2.0"), codeSigner));
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.10.0"), codeSigner));

        CycleReport report = agent.runOnce();

        assertThat(report.installed()).containsExactly("oqs-terminal 1.10.0");
        assertThat(versionInUse()).isEqualTo("1.10.0/1.10.0");
        assertThat(components.state("oqs-terminal").orElseThrow().previous()).map(PackageVersion::text).contains("1.0.0");
        assertThat(Files.isDirectory(home.component("oqs-terminal").resolve("1.0.0"))).as("previous kept").isTrue();
        assertThat(server.reports.get(server.reports.size() - 1)).singleElement()
                .satisfies(s -> assertThat(s.current().text()).isEqualTo("1.10.0"));
        assertThat(Files.readString(home.records())).contains("医療機関コード=0113810014").contains("コンピューター名=UKETSUKE-PC");
    }

    @Test
    void tamperedPackageIsRefusedAndTheOldVersionKeepsRunning() throws Exception {
        Packages.Offer genuine = Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.1.0"), codeSigner);
        byte[] tampered = genuine.bytes().clone();
        tampered[tampered.length / 3] ^= 0x40;
        server.add(new Packages.Offer(genuine.available(), tampered, genuine.signature()));

        CycleReport report = agent.runOnce();

        assertThat(report.installed()).isEmpty();
        assertThat(report.refused()).singleElement().asString()
                .contains("oqs-terminal 1.1.0 をインストールしません").contains("改ざんされています");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
        assertThat(Files.exists(home.component("oqs-terminal").resolve("1.1.0"))).isFalse();
    }

    @Test
    void unsignedPackageIsRefused() throws Exception {
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.1.0"), null));

        CycleReport report = agent.runOnce();

        assertThat(report.refused()).singleElement().asString().contains("署名がありません");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
    }

    @Test
    void packageSignedWithAFacilityCertificateOfTheSameCaIsRefused() throws Exception {
        PackageSigner facility = PackageSigner.of(ca.issueFacilityCertificate("0113810014", "オープン診療所"));
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.1.0"), facility));

        CycleReport report = agent.runOnce();

        assertThat(report.refused()).singleElement().asString().contains("コード署名用ではありません");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
    }

    @Test
    void packageWhoseBytesDoNotHaveTheListedHashIsRefused() throws Exception {
        server.add(Packages.offer(Packages.zip(tmp, "oqs-terminal", "1.1.0"), codeSigner, "00".repeat(32)));

        CycleReport report = agent.runOnce();

        assertThat(report.refused()).singleElement().asString().contains("ハッシュ値");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
    }

    @Test
    void validlySignedOldPackageServedAsANewVersionIsRefused() throws Exception {
        Path oldContent = Packages.zip(tmp, "oqs-terminal", "1.5.0", "oqs-terminal", "0.9.0");
        Packages.Offer offer = Packages.offer(oldContent, codeSigner);
        server.add(new Packages.Offer(new AvailablePackage("oqs-terminal", PackageVersion.of("1.5.0"),
                offer.available().size(), offer.available().sha256()), offer.bytes(), offer.signature()));

        CycleReport report = agent.runOnce();

        assertThat(report.refused()).singleElement().asString().contains("不一致");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
    }

    @Test
    void unreachableServiceChangesNothingAndIsReported() throws Exception {
        server.reachable = false;

        CycleReport report = agent.runOnce();

        assertThat(report.problem()).map(ConnectionProblem::code).contains("REFUSED");
        assertThat(versionInUse()).isEqualTo("1.0.0/1.0.0");
        assertThat(org.openoqs.terminal.health.Heartbeat.read(home.heartbeat())).get()
                .satisfies(b -> assertThat(b.details()).containsEntry("lastCycle", "FAILED REFUSED"));
    }
}
