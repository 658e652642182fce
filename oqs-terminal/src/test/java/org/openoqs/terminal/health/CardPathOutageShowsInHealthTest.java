package org.openoqs.terminal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.central.CardPathRefusedException;
import org.openoqs.terminal.central.CardPathService;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14: an outage met only by the card path (here a マイナ在宅受付Web URL request, OQSsiurl01) shows in
 * {@code work/health.json} as DEGRADED with its reason while the request is kept, and the health is UP again once the
 * service answers — before, only the inquiry port reached the health file.
 */
class CardPathOutageShowsInHealthTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path root;

    @Test
    void aCardPathOutageDegradesTheTerminalAndTheNextAnswerEndsIt() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        CardPathService cardPath = (CardPathService) Proxy.newProxyInstance(CardPathService.class.getClassLoader(),
                new Class<?>[] {CardPathService.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
                    }
                    if (down.get()) {
                        throw new CentralServiceUnavailableException("card path: connection refused");
                    }
                    // the service is back and decides: a refusal is an answer
                    throw new CardPathRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED,
                            ErrorCode.CENTRAL_SERVICE_REJECTED.message());
                });
        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        LinkageFolders folders = LinkageFolders.under(root);
        Path health = folders.work().resolve(TerminalHealth.FILE_NAME);
        FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(ExampleCorpus.DEMO_INSTITUTION_CODE,
                URI.create("https://unused.invalid/"), null, null, null, null, folders,
                LinkageSettings.defaults().withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(100)),
                null, null, CLOCK), CentralServicePorts.of(central).withCardPath(cardPath));
        try {
            TerminalHealthTest.awaitHealth(health, json -> json.path("status").asString().equals("UP"));
            ExampleCorpus.Example url = ExampleCorpus.homeCareUrl().get(0);
            String name = url.file().replace(".xml", "").replaceAll("[^A-Za-z0-9]", "");
            TerminalHealthTest.drop(folders.req(), "OQSsiurl01req_" + name + ".xml", url.bytes());

            JsonNode degraded = TerminalHealthTest.awaitHealth(health, json -> json.path("status").asString().equals("DEGRADED"));
            assertThat(degraded.path("problems").get(0).path("code").asString())
                    .isEqualTo(HealthProblem.CENTRAL_SERVICE_UNREACHABLE);
            assertThat(degraded.path("requests").path("inFlight").asInt()).as("the request is kept").isEqualTo(1);
            assertThat(Files.exists(folders.res().resolve("OQSsiurl01res_" + name + ".xml"))).isFalse();

            down.set(false);
            JsonNode up = TerminalHealthTest.awaitHealth(health, json -> json.path("status").asString().equals("UP")
                    && json.path("requests").path("answered").asInt() == 1);
            assertThat(up.path("problems").size()).isZero();
            assertThat(Files.readString(folders.res().resolve("OQSsiurl01res_" + name + ".xml"),
                    StandardCharsets.UTF_8)).contains(ErrorCode.CENTRAL_SERVICE_REJECTED.code());
        } finally {
            terminal.close();
        }
    }
}
