package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** A certificate of our CA whose institution code is not a registered facility is forbidden. */
class UnknownFacilityCertificateTest {

    @Test
    void unregisteredFacilityIsForbidden() throws Exception {
        SharedServer shared = SharedServer.get();
        String unregistered = "2713810014"; // check-digit valid, never created
        assertThat(shared.server().facilities().find(unregistered)).isEmpty();

        Api.Response r = Api.get(shared.pki().client(shared.pki().issueFacility(unregistered)), shared.base(),
                "api/v1/facility");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(r.json().get("message").asString()).contains("登録されていません");
    }
}
