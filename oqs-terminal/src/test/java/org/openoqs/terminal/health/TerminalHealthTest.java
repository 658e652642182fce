package org.openoqs.terminal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code work/health.json} follows the terminal: UP, DEGRADED with the reason while the service is unreachable
 * (requests kept), UP again once it answers, STOPPED after close.
 */
class TerminalHealthTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path root;

    @Test
    void theHealthFileFollowsAnOutageAndTheStop() throws Exception {
        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        LinkageFolders folders = LinkageFolders.under(root);
        Path file = folders.work().resolve(TerminalHealth.FILE_NAME);
        FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(ExampleCorpus.DEMO_INSTITUTION_CODE,
                URI.create("https://unused.invalid/"), null, null, null, null, folders,
                LinkageSettings.defaults().withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(100)),
                null, null, CLOCK), CentralServicePorts.of(central));
        try {
            assertThat(awaitHealth(file, json -> json.path("status").asString().equals("UP")).path("serviceSessions")
                    .path("limit").asInt()).isEqualTo(LinkageSettings.DEFAULT_MAX_CONCURRENT);

            central.setAvailable(false);
            drop(folders.req(), "OQSsiquc01req_health.xml", ExampleCorpus.valid().get(0).bytes());
            JsonNode degraded = awaitHealth(file, json -> json.path("status").asString().equals("DEGRADED"));

            assertThat(degraded.path("problems").get(0).path("code").asString())
                    .isEqualTo(HealthProblem.CENTRAL_SERVICE_UNREACHABLE);
            assertThat(degraded.path("problems").get(0).path("message").asString()).contains("接続できません");
            assertThat(degraded.path("requests").path("inFlight").asInt()).isEqualTo(1);
            assertThat(degraded.path("requests").path("oldestWaitingSince").isString()).isTrue();
            assertThat(terminal.health().current().hasProblem(HealthProblem.CENTRAL_SERVICE_UNREACHABLE)).isTrue();

            central.setAvailable(true);
            JsonNode up = awaitHealth(file, json -> json.path("status").asString().equals("UP")
                    && json.path("requests").path("answered").asInt() == 1);
            assertThat(up.path("problems").size()).isZero();
            assertThat(up.path("requests").path("inFlight").asInt()).isZero();
        } finally {
            terminal.close();
        }
        assertThat(JsonMapper.builder().build().readTree(Files.readString(file)).path("status").asString())
                .isEqualTo("STOPPED");
    }

    static JsonNode awaitHealth(Path file, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                last = JsonMapper.builder().build().readTree(Files.readString(file));
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("health file never matched; last: " + last);
    }

    static void drop(Path req, String name, byte[] content) throws Exception {
        Path temp = req.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, req.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
