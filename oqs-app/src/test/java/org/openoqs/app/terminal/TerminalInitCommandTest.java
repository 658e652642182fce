package org.openoqs.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;

/** {@code oqs terminal init} lays out a home that {@code oqs terminal run} and the doctor accept, closed to others. */
class TerminalInitCommandTest {

    @TempDir
    Path root;

    @Test
    void aFreshHomeIsWhatRunReadsAndIsOwnerOnly() throws Exception {
        TerminalInitFixture f = new TerminalInitFixture(root);
        Path home = root.resolve("openoqs/terminal");

        TerminalInitFixture.Run init = f.init(home, f.facilityP12(), TerminalInitFixture.passwords());

        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("端末ホームを作成しました", TerminalInitFixture.INSTITUTION,
                "oqs terminal credentials set OQS_LOGIN_KEY --home " + home, "systemctl", "oqs-terminal.service");
        assertThat(init.out() + init.err()).doesNotContain(TerminalInitFixture.CLIENT_PASSWORD,
                TerminalInitFixture.TRUST_PASSWORD);

        TerminalConfig config = RunCommand.configFrom(home);
        assertThat(config.serviceUri().toString()).isEqualTo("https://oqs.example.invalid:8443/");
        assertThat(config.institutionCode()).isEqualTo(TerminalInitFixture.INSTITUTION);
        assertThat(config.folders().req()).isEqualTo(root.resolve("openoqs/OQS/req")).isDirectory();
        assertThat(config.folders().res()).isDirectory();
        assertThat(config.face()).isDirectory();
        assertThat(config.folders().work()).isEqualTo(home.resolve("work")).isDirectory();
        assertThat(config.clientPkcs12()).isEqualTo(home.resolve("client.p12"));
        TrustStores.loadPkcs12(config.clientPkcs12(), config.clientPassword()); // passwords survive the escaping
        TrustStores.loadPkcs12(config.trustStore(), config.trustPassword());
        assertThat(CredentialStore.open(home).get(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE).orElseThrow().secret())
                .isEqualTo(TerminalInitFixture.INSTITUTION);
        assertThat(TerminalSetupLoader.load(home).setup().configuredInstitutionCode()).hasValue(TerminalInitFixture.INSTITUTION);

        assertThat(permissions(home)).isEqualTo("rwx------");
        assertThat(permissions(home.resolve("work"))).isEqualTo("rwx------");
        for (String file : new String[] {"terminal.properties", "client.p12", "trust.p12", "credentials.dat",
                "credentials.key"}) {
            assertThat(permissions(home.resolve(file))).as(file).isEqualTo("rw-------");
        }
        assertThat(permissions(config.folders().req())).as("shared through a group, never with others")
                .isEqualTo("rwxrwx---");

        // the next step the summary names: run now stops at the missing linkage account, not at the layout
        TerminalInitFixture.Run run = f.run("", "terminal", "run", "--home", home.toString());
        assertThat(run.exit()).isEqualTo(RunCommand.EX_CONFIG);
        assertThat(run.err()).contains("OQS_LOGIN_KEY").doesNotContain("terminal.properties");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
