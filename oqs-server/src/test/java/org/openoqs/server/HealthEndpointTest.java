package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** {@code /actuator/health} answers over HTTPS without a client certificate, and tells nothing else. */
class HealthEndpointTest {

    @Test
    void healthNeedsNoCertificate() throws Exception {
        SharedServer shared = SharedServer.get();
        Api.Response r = Api.get(shared.pki().anonymousClient(), shared.base(), "actuator/health");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
        assertThat(r.json().has("components")).isFalse();
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() throws Exception {
        SharedServer shared = SharedServer.get();
        assertThat(Api.get(shared.pki().anonymousClient(), shared.base(), "actuator/env").status()).isIn(401, 403, 404);
        assertThat(Api.get(shared.demoClient(), shared.base(), "actuator/beans").status()).isIn(401, 403, 404);
    }
}
