package org.openoqs.app.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.openoqs.app.distribution.TerminalServices;
import org.openoqs.app.doctor.LiveTerminalAccess;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.certificate.RenewalResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A terminal renews its certificate through the service while it keeps calling the service: every call succeeds
 * across the switch, new connections present the new certificate afterwards, and the old certificate stays valid
 * until it is revoked (overlap).
 */
class RenewalWithoutDowntimeTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void requestsSucceedAcrossTheSwitchAndTheOldCertificateStaysValid() throws Exception {
        // 60 days left: inside the renewal window (90 days before the end)
        IssuedCredential original = LiveTerminalAccess.issueFacility(java.time.Duration.ofDays(60));
        Path home = LiveTerminalAccess.terminalHome("renewing", original);
        TerminalServices services = TerminalServices.of(TerminalSetupLoader.load(home).setup());
        String oldSerial = original.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        AtomicBoolean switched = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<List<String>> caller = thread.submit(() -> {
            List<String> serials = new ArrayList<>();
            int afterSwitch = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (afterSwitch < 3 && System.nanoTime() < deadline) {
                boolean before = switched.get();
                // a new client per call: a new connection each time, resuming TLS sessions where it may
                HttpClient client = HttpClient.newBuilder().sslContext(services.tls().sslContext()).build();
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        LiveTerminalAccess.serviceUri().resolve("api/v1/certificates/status")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new AssertionError("call failed during renewal: " + response.statusCode() + " " + response.body());
                }
                serials.add(JSON.readTree(response.body()).get("serial").asString());
                afterSwitch += before ? 1 : 0;
            }
            return serials;
        });
        Thread.sleep(300);

        RenewalResult result = services.renewalClient().renew();
        switched.set(true);
        List<String> serials = caller.get();
        thread.shutdown();

        assertThat(result.previousSerial()).isEqualTo(oldSerial);
        assertThat(serials).contains(oldSerial).containsOnly(oldSerial, result.newSerial());
        assertThat(serials.get(serials.size() - 1)).as("after the switch").isEqualTo(result.newSerial());
        assertThat(Files.exists(result.previousCopy())).isTrue();
        assertThat(result.previousRevokedAfter()).as("revoked after the grace")
                .isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(23)));
        HttpClient oldClient = HttpClient.newBuilder().sslContext(TrustStores.clientContext(result.previousCopy(),
                LiveTerminalAccess.password(), home.resolve("trust.p12"), LiveTerminalAccess.password())).build();
        assertThat(status(oldClient)).as("old certificate during the overlap").isEqualTo(200);

        LiveTerminalAccess.revoke(original);
        HttpClient afterRevocation = HttpClient.newBuilder().sslContext(TrustStores.clientContext(result.previousCopy(),
                LiveTerminalAccess.password(), home.resolve("trust.p12"), LiveTerminalAccess.password())).build();
        assertThat(status(afterRevocation)).as("old certificate once revoked").isEqualTo(401);
        assertThat(status(HttpClient.newBuilder().sslContext(services.tls().sslContext()).build()))
                .as("the renewed one").isEqualTo(200);
    }

    private static int status(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(LiveTerminalAccess.serviceUri().resolve("api/v1/certificates/status"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
