package org.openoqs.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openoqs.app.distribution.PackageBuilder;
import org.openoqs.app.distribution.TerminalServices;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.PackageSigner;
import org.openoqs.server.distribution.PackageCoordinates;
import org.openoqs.server.distribution.PackageRepository;
import org.openoqs.terminal.doctor.Doctor;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.TerminalSetup;
import org.openoqs.terminal.doctor.Verdict;

/**
 * The checks that need the service, against a real one: a healthy terminal passes every one of them, and each
 * broken condition (clock skew, revoked certificate, unreachable service, shared certificate, outdated version)
 * fails or warns the check that is about it.
 */
class DoctorOnLiveServiceTest {
    final LiveTerminal live = LiveTerminal.get();

    static Map<String, Finding> run(TerminalSetup setup) {
        return Doctor.standard().run(setup).stream().collect(Collectors.toMap(Finding::id, Function.identity()));
    }

    @Test
    void healthyTerminalPassesEveryCheck() throws Exception {
        Map<String, Finding> findings = run(TerminalSetupLoader.load(live.home()).setup());

        assertThat(findings.values()).noneMatch(f -> f.status() == Verdict.FAIL);
        for (String id : List.of("folders", "folders.work-not-shared", "credentials", "certificate.present",
                "certificate.issuer", "certificate.validity", "certificate.revocation", "certificate.not-shared",
                "service.connection", "clock.service", "proxy", "ports", "agent.linkage", "agent.distribution",
                "distribution.connection", "distribution.record", "restart.schedule")) {
            assertThat(findings.get(id).status()).as(id + ": " + findings.get(id).message()).isEqualTo(Verdict.OK);
        }
        assertThat(findings.get("distribution.record").message()).contains(LiveTerminal.CODE).contains("TERMINAL");
    }

    @Test
    void clockFiveMinutesOffFailsTheClockCheck() throws Exception {
        TerminalSetup skewed = TerminalSetupLoader.load(live.home()).setup()
                .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));

        Finding clock = run(skewed).get("clock.service");

        assertThat(clock.status()).isEqualTo(Verdict.FAIL);
        assertThat(clock.message()).contains("-300");
    }

    @Test
    void revokedCertificateFailsTheRevocationCheck() throws Exception {
        IssuedCredential credential = live.ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所");
        Path home = live.terminalHome("revoked", credential);
        live.ca.revoke(credential.certificate().getSerialNumber(), "keyCompromise");

        Map<String, Finding> findings = run(TerminalSetupLoader.load(home).setup());

        assertThat(findings.get("certificate.revocation").status()).isEqualTo(Verdict.FAIL);
        assertThat(findings.get("certificate.revocation").message()).contains("失効");
        assertThat(findings.get("service.connection").status()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void unreachableServiceFailsTheConnectionChecksWithThePreciseReason() throws Exception {
        Path home = live.terminalHome("unreachable", live.ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所"));
        int closed;
        try (var probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        LiveTerminal.setProperty(home, "service.uri", "https://127.0.0.1:" + closed + "/");

        Map<String, Finding> findings = run(TerminalSetupLoader.load(home).setup());

        assertThat(findings.get("service.connection").status()).isEqualTo(Verdict.FAIL);
        assertThat(findings.get("service.connection").message()).contains("127.0.0.1:" + closed).contains("接続できません");
        assertThat(findings.get("distribution.connection").message()).startsWith("接続失敗");
        assertThat(findings.get("ports").status()).isEqualTo(Verdict.FAIL);
        assertThat(findings.get("clock.service").status()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void certificateUsedByTwoComputersFailsTheSharingCheck() throws Exception {
        IssuedCredential credential = live.ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所");
        Path first = live.terminalHome("first-pc", credential);
        Path second = live.terminalHome("second-pc", credential);
        TerminalServices.of(TerminalSetupLoader.load(first).setup()).agent(Duration.ofHours(1), 0).runOnce();
        TerminalServices.of(TerminalSetupLoader.load(second).setup()).agent(Duration.ofHours(1), 0).runOnce();

        Finding sharing = run(TerminalSetupLoader.load(second).setup()).get("certificate.not-shared");

        assertThat(sharing.status()).isEqualTo(Verdict.FAIL);
        assertThat(sharing.message()).contains("FIRST-PC");
    }

    @Test
    void newerPackageNotYetInstalledIsAVersionWarning() throws Exception {
        Path home = live.terminalHome("outdated", live.ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所"));
        TerminalServices.of(TerminalSetupLoader.load(home).setup()).agent(Duration.ofHours(1), 0).runOnce();
        Path zip = java.nio.file.Files.createTempFile("pkg", ".zip");
        PackageBuilder.build("oqs-doctor-test", "2.0.0", null, zip);
        new PackageRepository(org.openoqs.server.distribution.DistributionConfiguration.packageDirectory(
                live.root.resolve("server")), Clock.systemUTC()).publish(new PackageCoordinates("oqs-doctor-test", "2.0.0"),
                zip, PackageSigner.of(live.ca.issueCodeSigningCertificate("doctor test")).sign(zip));

        Finding versions = run(TerminalSetupLoader.load(home).setup()).get("versions");

        assertThat(versions.status()).isEqualTo(Verdict.WARN);
        assertThat(versions.message()).contains("oqs-doctor-test（未インストール、最新 2.0.0）");
    }
}
