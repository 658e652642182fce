package org.openoqs.app.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import picocli.CommandLine;

/** {@code oqs terminal credentials set|list|remove}: values reach the store, secrets never reach the output. */
class TerminalCredentialsCommandTest {

    @TempDir
    Path home;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final InputStream originalIn = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(originalIn);
    }

    @Test
    void setFromStdinListAndRemove() {
        System.setIn(new ByteArrayInputStream("TopSecretPw1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(run("terminal", "credentials", "set", "OQS_LOGIN_KEY", "--home", home.toString(),
                "--user", "R0123456789", "--secret-stdin")).isZero();
        assertThat(run("terminal", "credentials", "set", "oqs_medical_institution_code", "--home", home.toString(),
                "--value", "0113810014")).isZero();

        assertThat(CredentialStore.open(home).get(CredentialKey.OQS_LOGIN_KEY).orElseThrow().secret())
                .isEqualTo("TopSecretPw1");

        out.getBuffer().setLength(0);
        assertThat(run("terminal", "credentials", "list", "--home", home.toString())).isZero();
        assertThat(out.toString())
                .contains("OQS_LOGIN_KEY", "R0123456789", "設定済み")
                .contains("OQS_MEDICAL_INSTITUTION_CODE", "OQS_Admin")
                .contains("OQS_CRYPT_PASS", "未設定")
                .doesNotContain("TopSecretPw1").doesNotContain("0113810014");

        assertThat(run("terminal", "credentials", "remove", "OQS_LOGIN_KEY", "--home", home.toString())).isZero();
        assertThat(CredentialStore.open(home).get(CredentialKey.OQS_LOGIN_KEY)).isEmpty();
    }

    @Test
    void aRefusedValueExitsWithOneAndTheRule() {
        assertThat(run("terminal", "credentials", "set", "OQS_CRYPT_PASS", "--home", home.toString(),
                "--value", "has-symbol!")).isEqualTo(1);
        assertThat(err.toString()).contains("半角英数字").doesNotContain("has-symbol!");
        assertThat(run("terminal", "credentials", "set", "OQS_MEDICAL_INSTITUTION_CODE", "--home", home.toString(),
                "--value", "0113810015")).isEqualTo(1);
        assertThat(err.toString()).contains("検証番号");
        assertThat(Files.exists(home.resolve(CredentialStore.DATA_FILE))).isFalse();
    }

    @Test
    void aPasswordOnTheCommandLineIsAcceptedWithAWarning() {
        assertThat(run("terminal", "credentials", "set", "OQS_CRYPT_PASS", "--home", home.toString(),
                "--value", "Abc123")).isZero();
        assertThat(err.toString()).contains("--secret-stdin");
        assertThat(out.toString()).doesNotContain("Abc123");
    }

    @Test
    void unknownKeysAndMissingHomeAreUsageErrors() {
        assertThat(run("terminal", "credentials", "set", "OQS_PASSWORD", "--home", home.toString(), "--value", "x"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("OQS_CRYPT_PASS");
        assertThat(run("terminal", "credentials", "list")).isEqualTo(2);
    }

    private int run(String... args) {
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
