package org.openoqs.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.OqsCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oqs doctor --json}: exactly {"checks":[{"id","status","message","fix"}]}, exit 1 on any fail. */
class DoctorJsonTest {
    @TempDir
    Path tmp;

    record Run(int exit, JsonNode json) {
    }

    static Run doctor(Path home) {
        StringWriter out = new StringWriter();
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("doctor", "--home", home.toString(), "--json");
        return new Run(exit, JsonMapper.builder().build().readTree(out.toString()));
    }

    @Test
    void healthyHomeGivesEveryCheckInTheDocumentedShapeAndExitZero() {
        Run run = doctor(LiveTerminal.get().home());

        assertThat(run.exit()).isZero();
        assertThat(run.json().propertyNames()).containsExactly("checks");
        Set<String> ids = new HashSet<>();
        for (JsonNode check : run.json().get("checks")) {
            assertThat(check.propertyNames()).containsExactly("id", "status", "message", "fix");
            assertThat(check.get("status").asString()).isIn("ok", "warn", "fail", "skip");
            assertThat(check.get("message").asString()).isNotBlank();
            ids.add(check.get("id").asString());
        }
        assertThat(ids).hasSize(22).contains("clock.service", "clock.ntp", "proxy", "restart.schedule", "sleep", "service.pdf-font",
                "service.audit-chain");
    }

    @Test
    void brokenHomeExitsOneAndSaysWhy() throws Exception {
        Path home = LiveTerminal.get().terminalHome("broken-" + System.nanoTime(),
                LiveTerminal.get().ca.issueFacilityCertificate(LiveTerminal.CODE, "ライブ診療所"));
        Files.delete(home.resolve("client.p12"));

        Run run = doctor(home);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("checks")).anySatisfy(c -> {
            assertThat(c.get("id").asString()).isEqualTo("certificate.present");
            assertThat(c.get("status").asString()).isEqualTo("fail");
            assertThat(c.get("fix").asString()).isNotBlank();
        });
    }

    @Test
    void directoryThatIsNoHomeIsOneFailingCheck() {
        Run run = doctor(tmp);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("checks")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asString()).isEqualTo("terminal.home");
            assertThat(c.get("message").asString()).contains("端末ホームではありません");
        });
    }
}
