package org.openoqs.terminal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.BulkCentralService;
import org.openoqs.terminal.central.CardPathRefusedException;
import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.central.DistributionServer;
import org.openoqs.terminal.central.EpsGateway;
import org.openoqs.terminal.central.FaceDeviceAccount;
import org.openoqs.terminal.central.HttpsBulkCentralService;
import org.openoqs.terminal.central.HttpsCardPathService;
import org.openoqs.terminal.central.HttpsDeviceSignIn;
import org.openoqs.terminal.central.HttpsDistributionServer;
import org.openoqs.terminal.central.HttpsEpsGateway;
import org.openoqs.terminal.central.ServiceOnTheWire;
import org.openoqs.terminal.central.ServiceOnTheWire.Mode;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, done-when: with the service down (HTTP 503) or hanging (no answer within the request timeout), a card
 * confirmation, a bulk upload, a 電子処方箋 call and a 配信 call each turn {@code work/health.json} DEGRADED with the
 * reason naming the port and the failure, and the next answer of the service — a refusal counts — makes it UP again.
 * Each port is the real HTTPS implementation on the terminal's transport, under the terminal's sessions, against a
 * service on a real socket.
 */
class EveryPortOutageShowsInHealthTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));
    /**
     * The request timeout: short enough that a hanging service is noticed quickly, long enough that a 503 or an answer
     * arrives within it on a 2-core machine shared with other builds (400 ms was not, at load average 16–28: the
     * answer of a service that was up again timed out, or a 503 became "timed out").
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path root;

    /** The ports of one terminal, as its linkage agent, card reader and 配信 agent hold them. */
    record Ports(CardPathService cardPath, BulkCentralService bulk, EpsGateway eps, DistributionServer distribution) {

        static Ports of(CentralServiceSessions sessions, CentralServiceHttp transport) {
            HttpsDeviceSignIn reader = new HttpsDeviceSignIn(transport, new FaceDeviceAccount("FACE-0001", "secret"));
            return new Ports(sessions.limit(CardPathService.class, new HttpsCardPathService(transport, reader)),
                    sessions.limit(BulkCentralService.class, new HttpsBulkCentralService(transport, TIMEOUT)),
                    sessions.limit(EpsGateway.class, new HttpsEpsGateway(transport)),
                    sessions.limit(DistributionServer.class, new HttpsDistributionServer(transport)));
        }
    }

    /** One call of each port; after the outage the same call gets the service's answer. */
    enum Call {
        CARD_CONFIRMATION("CardPathService.confirm", ports -> ports.cardPath().confirm("P000000000000001",
                new CardPathService.Confirmation("challenge-1", CredentialKind.MY_NUMBER_CARD, "PIN", List.of(),
                        null, "PEM", "c2lnbmF0dXJl"))),
        BULK_UPLOAD("BulkCentralService.upload", ports -> ports.bulk().upload(BulkKind.values()[0],
                "<OQSmuquc01req/>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "key-1")),
        EPS_READER_SETTINGS("EpsGateway.readerSettings", ports -> ports.eps().readerSettings()),
        DISTRIBUTION_PACKAGES("DistributionServer.packages", ports -> ports.distribution().packages());

        final String port;
        final Consumer<Ports> call;

        Call(String port, Consumer<Ports> call) {
            this.port = port;
            this.call = call;
        }

        /** The answer after the outage: the card is refused by the service (an answer), the others succeed. */
        void answered(Ports ports) {
            if (this == CARD_CONFIRMATION) {
                assertThatThrownBy(() -> call.accept(ports)).isInstanceOf(CardPathRefusedException.class);
            } else {
                call.accept(ports);
            }
        }
    }

    static Stream<Arguments> outages() {
        return Stream.of(Call.values()).flatMap(call -> Stream.of(Arguments.of(call, Mode.DOWN),
                Arguments.of(call, Mode.HANGING)));
    }

    @ParameterizedTest(name = "{0} with the service {1}")
    @MethodSource("outages")
    void theOutageShowsInTheHealthFileWithItsReasonAndTheNextAnswerEndsIt(Call call, Mode outage) throws Exception {
        try (ServiceOnTheWire service = new ServiceOnTheWire()) {
            CentralServiceHttp transport = service.transport(TIMEOUT);
            LinkageFolders folders = LinkageFolders.under(root);
            Path health = folders.work().resolve(TerminalHealth.FILE_NAME);
            try (FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(
                    ExampleCorpus.DEMO_INSTITUTION_CODE, service.uri(), null, null, null, null, folders,
                    LinkageSettings.defaults(), null, null, CLOCK), CentralServicePorts.overHttps(transport))) {
                Ports ports = Ports.of(terminal.centralSessions(), transport);
                TerminalHealthTest.awaitHealth(health, json -> json.path("status").asString().equals("UP"));

                service.setMode(outage);
                assertThatThrownBy(() -> call.call.accept(ports))
                        .isInstanceOf(CentralServiceUnavailableException.class);
                JsonNode degraded = TerminalHealthTest.awaitHealth(health,
                        json -> json.path("status").asString().equals("DEGRADED"));
                JsonNode problem = degraded.path("problems").get(0);
                assertThat(problem.path("code").asString()).isEqualTo(HealthProblem.CENTRAL_SERVICE_UNREACHABLE);
                assertThat(problem.path("detail").asString()).as("the reason names the port and the failure")
                        .startsWith(call.port + ": ")
                        .containsAnyOf(outage == Mode.DOWN ? new String[] {"503"}
                                : new String[] {"timed out", "タイムアウト"});
                assertThat(degraded.path("figures").path("outages").asInt()).isEqualTo(1);

                service.setMode(Mode.UP);
                call.answered(ports);
                JsonNode up = TerminalHealthTest.awaitHealth(health,
                        json -> json.path("status").asString().equals("UP"));
                assertThat(up.path("problems").size()).isZero();
                assertThat(terminal.centralSessions().inUse()).isZero();
            }
        }
    }
}
