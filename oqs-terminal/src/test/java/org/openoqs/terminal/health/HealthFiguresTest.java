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
 * {@code work/health.json} carries the operator's four figures since the terminal started: answered requests, the
 * answers that say the file failed, outages of the central service, and the queue of requests not yet answered.
 */
class HealthFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path root;

    @Test
    void answeredErrorsOutagesAndQueueAreCounted() throws Exception {
        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        LinkageFolders folders = LinkageFolders.under(root);
        Path file = folders.work().resolve(TerminalHealth.FILE_NAME);
        try (FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(ExampleCorpus.DEMO_INSTITUTION_CODE,
                URI.create("https://unused.invalid/"), null, null, null, null, folders,
                LinkageSettings.defaults().withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(100)),
                null, null, CLOCK), CentralServicePorts.of(central))) {
            JsonNode start = awaitHealth(file, json -> json.path("status").asString().equals("UP"));
            assertThat(start.path("figures").path("answered").asLong()).isZero();
            assertThat(start.path("figures").path("outages").asLong()).isZero();

            central.setAvailable(false);
            drop(folders.req(), "OQSsiquc01req_figures1.xml", ExampleCorpus.valid().get(0).bytes());
            JsonNode waiting = awaitHealth(file, json -> json.path("status").asString().equals("DEGRADED"));
            assertThat(waiting.path("figures").path("queue").asInt()).isEqualTo(1);
            assertThat(waiting.path("figures").path("outages").asLong()).isEqualTo(1);
            central.setAvailable(true);
            awaitHealth(file, json -> json.path("figures").path("answered").asLong() == 1);

            ExampleCorpus.Example broken = ExampleCorpus.invalid().stream()
                    .filter(ExampleCorpus.Example::expectsFileLevelError).findFirst().orElseThrow();
            drop(folders.req(), "OQSsiquc01req_figures2.xml", broken.bytes());
            JsonNode after = awaitHealth(file, json -> json.path("figures").path("answered").asLong() == 2);

            assertThat(after.path("figures").path("errors").asLong()).as(broken.toString()).isEqualTo(1);
            assertThat(after.path("figures").path("outages").asLong()).isEqualTo(1);
            assertThat(after.path("figures").path("queue").asInt()).isZero();
            assertThat(after.path("status").asString()).isEqualTo("UP");
        }
    }

    private static JsonNode awaitHealth(Path file, Predicate<JsonNode> condition) throws Exception {
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

    private static void drop(Path req, String name, byte[] content) throws Exception {
        Path temp = req.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, req.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }
}
