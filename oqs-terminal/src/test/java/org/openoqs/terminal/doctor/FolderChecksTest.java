package org.openoqs.terminal.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;

/** folders / folders.work-not-shared: missing folders and a work folder reachable from the network are caught. */
class FolderChecksTest {
    @TempDir
    Path tmp;

    TerminalSetup setup;

    @BeforeEach
    void healthyHome() throws Exception {
        setup = Homes.healthy(tmp, CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA"));
    }

    @Test
    void healthyLayoutPasses() {
        assertThat(Homes.run(new FolderLayoutCheck(), setup).status()).isEqualTo(Verdict.OK);
        assertThat(Homes.run(new WorkFolderNotSharedCheck(), setup).status()).isEqualTo(Verdict.OK);
    }

    @Test
    void missingResultFolderFails() throws Exception {
        Files.delete(setup.res());

        Finding finding = Homes.run(new FolderLayoutCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains(setup.res().toString()).contains("ありません");
        assertThat(finding.fix()).isNotBlank();
    }

    @Test
    void workFolderInsideTheSharedExchangeFolderFails() throws Exception {
        Path sharedWork = setup.exchangeRoot().resolve("work");
        Files.createDirectories(sharedWork);
        TerminalSetup moved = new TerminalSetup(setup.terminalHome(), setup.configuredInstitutionCode(),
                setup.serviceUri(), setup.clientPkcs12(), setup.clientPassword(), setup.trustPkcs12(),
                setup.trustPassword(), setup.exchangeRoot(), setup.req(), setup.res(), setup.face(), sharedWork,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("02:17"), "PC",
                setup.shareConfigurations(), setup.systemdUnitDirectory(), Optional.empty(), setup.timeout(),
                setup.clock());

        Finding finding = Homes.run(new WorkFolderNotSharedCheck(), moved);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("共有フォルダー");
    }

    @Test
    void sambaShareCoveringTheTerminalHomeFails() throws Exception {
        Files.writeString(tmp.resolve("smb.conf"), "[global]\n   workgroup = OQS\n[terminal]\n   path = "
                + setup.terminalHome() + "\n   read only = no\n");

        Finding finding = Homes.run(new WorkFolderNotSharedCheck(), setup);

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("smb.conf");
        assertThat(WorkFolderNotSharedCheck.sharedPaths(tmp.resolve("smb.conf")))
                .isEqualTo(List.of(setup.terminalHome().toAbsolutePath().normalize()));
    }

    @Test
    void workFolderOpenToOtherUsersIsAWarning() throws Exception {
        Files.setPosixFilePermissions(setup.work(), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(Homes.run(new WorkFolderNotSharedCheck(), setup).status()).isEqualTo(Verdict.WARN);
    }
}
