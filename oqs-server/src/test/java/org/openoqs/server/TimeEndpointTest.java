package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** {@code GET /api/v1/time} returns the service's clock in Japan Standard Time. */
class TimeEndpointTest {

    @Test
    void returnsServerTimeInTokyo() throws Exception {
        SharedServer shared = SharedServer.get();
        Api.Response r = Api.get(shared.demoClient(), shared.base(), "api/v1/time");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("zone").asString()).isEqualTo("Asia/Tokyo");
        OffsetDateTime serverTime = OffsetDateTime.parse(r.json().get("serverTime").asString());
        assertThat(serverTime.getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        Instant server = Instant.ofEpochMilli(r.json().get("epochMillis").asLong());
        assertThat(Duration.between(server, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(r.json().get("processTime").asString()).matches("\\d{14}");
    }
}
