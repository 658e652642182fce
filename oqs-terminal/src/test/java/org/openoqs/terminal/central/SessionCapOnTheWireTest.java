package org.openoqs.terminal.central;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.card.CredentialKind;

/**
 * Issue 14, done-when: 40 concurrent calls mixed across every port — inquiry, card confirmation, device sign-in,
 * bulk, 電子処方箋, 配信, certificate renewal and 電子カルテ情報 registration — on the real HTTPS implementations and one transport never have
 * more than the 20-session cap open at the service, counted by the service itself on its socket.
 */
class SessionCapOnTheWireTest {

    private static final int LIMIT = 20;

    @Test
    void fortyCallsMixedAcrossEveryPortNeverExceedTheCapAtTheService() throws Exception {
        try (ServiceOnTheWire service = new ServiceOnTheWire()) {
            service.setAnswerAfter(Duration.ofMillis(150)); // long enough that the callers pile up at the cap
            CentralServiceHttp transport = service.transport(Duration.ofSeconds(20));
            CentralServiceSessions sessions = CentralServiceSessions.around(new HttpsCentralService(transport), LIMIT);
            FaceDeviceAccount account = new FaceDeviceAccount("FACE-0001", "secret");
            CardPathService cards = sessions.limit(CardPathService.class,
                    new HttpsCardPathService(transport, new HttpsDeviceSignIn(transport, account)));
            BulkCentralService bulk = sessions.limit(BulkCentralService.class, new HttpsBulkCentralService(transport));
            EpsGateway eps = sessions.limit(EpsGateway.class, new HttpsEpsGateway(transport));
            DistributionServer distribution = sessions.limit(DistributionServer.class,
                    new HttpsDistributionServer(transport));
            CertificateRenewalService renewal = sessions.limit(CertificateRenewalService.class,
                    new HttpsCertificateRenewalService(transport));
            ClinsBundleService clins = sessions.limit(ClinsBundleService.class, new HttpsClinsBundleService(transport));
            List<Runnable> calls = List.of(
                    // an inquiry port of its own each time: the facility's settings are cached per instance
                    () -> sessions.limit(CentralService.class, new HttpsCentralService(transport)).resultCharacterCode(),
                    () -> refusedIsAnswered(() -> cards.confirm("P000000000000001", new CardPathService.Confirmation(
                            "challenge", CredentialKind.MY_NUMBER_CARD, "PIN", List.of(), null, "PEM", "c2ln"))),
                    // a reader of its own each time, so that every one of them signs in at the service
                    () -> sessions.limit(DeviceSignIn.class, new HttpsDeviceSignIn(transport, account)).signIn(),
                    () -> bulk.upload(BulkKind.values()[0], "<req/>".getBytes(StandardCharsets.UTF_8), null),
                    () -> eps.readerSettings(),
                    () -> distribution.packages(),
                    () -> renewal.renew("CSR"),
                    () -> assertThat(clins.register("{}".getBytes(StandardCharsets.UTF_8)).accepted()).isTrue());

            EveryPortSharesTheSessionsTest.callAtOnce(40, calls);

            assertThat(service.requests()).as("every call reached the service").isGreaterThanOrEqualTo(40);
            assertThat(service.mostOpenAtOnce()).as("requests open at the service at once")
                    .isLessThanOrEqualTo(LIMIT).isGreaterThan(1);
            assertThat(sessions.mostInUse()).isLessThanOrEqualTo(LIMIT);
            assertThat(sessions.inUse()).isZero();
            assertThat(sessions.outage()).isEmpty();
        }
    }

    /** The service refused (its answer for this stand-in's card): the call reached it all the same. */
    private static void refusedIsAnswered(Runnable call) {
        try {
            call.run();
        } catch (CentralServiceRefusedException answered) {
            // an answer
        }
    }
}
