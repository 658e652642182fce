package org.openoqs.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import picocli.CommandLine;

/** {@code oqs terminal run}: reads terminal.properties; a configuration that cannot work exits 78 (no restart). */
class TerminalRunConfigurationTest {

    @TempDir
    Path root;
    final StringWriter err = new StringWriter();

    @Test
    void propertiesGiveFoldersCertificatesAndRetention() throws Exception {
        Path home = Files.createDirectories(root.resolve("terminal"));
        Files.writeString(home.resolve("terminal.properties"), """
                service.uri=https://oqs.example.invalid:8443/
                client.p12=client.p12
                client.p12.password=pw1
                trust.p12=/etc/openoqs/trust.p12
                trust.p12.password=pw2
                cleanup.retention.minutes=720
                """);
        TerminalConfig config = RunCommand.configFrom(home);

        assertThat(config.folders().req()).isEqualTo(root.resolve("OQS/req"));
        assertThat(config.folders().work()).isEqualTo(home.resolve("work"));
        assertThat(config.face()).isEqualTo(root.resolve("OQS/face"));
        assertThat(config.clientPkcs12()).isEqualTo(home.resolve("client.p12"));
        assertThat(config.trustStore()).isEqualTo(Path.of("/etc/openoqs/trust.p12"));
        assertThat(config.cleanup().retention()).isEqualTo(Duration.ofMinutes(720));
        assertThat(config.institutionCode()).isNull();
        assertThat(config.home()).isEqualTo(home);
    }

    @Test
    void missingPropertiesOrCredentialsExitWithExConfig() throws Exception {
        Path home = Files.createDirectories(root.resolve("terminal"));
        assertThat(run("terminal", "run", "--home", home.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("terminal.properties");

        Files.writeString(home.resolve("terminal.properties"), "service.uri=https://x.invalid/\nclient.p12=c.p12\n"
                + "client.p12.password=a\ntrust.p12=t.p12\ntrust.p12.password=b\n");
        CredentialStore.open(home).set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, "0113810014");
        assertThat(run("terminal", "run", "--home", home.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("OQS_LOGIN_KEY", "設定されていません");
    }

    @Test
    void aCardReaderNeedsItsFaceAuthAccountInTheStore() throws Exception {
        Path home = Files.createDirectories(root.resolve("terminal"));
        Files.writeString(home.resolve("terminal.properties"), "service.uri=https://x.invalid/\nclient.p12=c.p12\n"
                + "client.p12.password=a\ntrust.p12=t.p12\ntrust.p12.password=b\nreader.port=0\n");
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, "0113810014");
        store.set(CredentialKey.OQS_LOGIN_KEY, "R00000001", "linkage-pw");

        assertThat(run("terminal", "run", "--home", home.toString())).isEqualTo(78);
        assertThat(err.toString()).contains("OQS_FACE_LOGIN_KEY", "設定されていません", "reader.port",
                "カードリーダーを起動できません", "--user <F… の顔認証用アカウントID>");

        java.util.Properties p = new java.util.Properties();
        assertThat(RunCommand.readerPort(p)).isEmpty(); // no reader.port: no card reader, nothing more needed
        p.setProperty("reader.port", "8470");
        assertThat(RunCommand.readerPort(p)).hasValue(8470);
        p.setProperty("reader.port", "http");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunCommand.readerPort(p))
                .hasMessageContaining("0〜65535");
    }

    private int run(String... args) {
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
