package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * An expired certificate of our CA is refused. The JDK's TLS trust manager already rejects it during the
 * handshake (an IOException for the client); should a TLS layer ever let it through, the per-request check
 * answers 401 with the expiry message instead. Either way no answer is given.
 */
class ExpiredCertificateTest {

    static final String FACILITY = "1313810036";

    @Test
    void expiredCertificateIsRefused() throws InterruptedException {
        SharedServer shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "期限切れテスト診療所");
        Instant now = Instant.now();
        HttpClient client = shared.pki().client(shared.pki().issueFacility(FACILITY,
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))));

        try {
            Api.Response r = Api.get(client, shared.base(), "api/v1/facility");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
            assertThat(r.json().get("message").asString()).contains("有効期限");
        } catch (IOException refusedAtHandshake) {
            assertThat(refusedAtHandshake).isNotNull();
        }
    }
}
