package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/facility} returns the settings of the facility named by the client certificate. */
class FacilityEndpointTest {

    @Test
    void returnsTheCertificatesFacility() throws Exception {
        SharedServer shared = SharedServer.get();
        Api.Response r = Api.get(shared.demoClient(), shared.base(), "api/v1/facility");

        assertThat(r.status()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("institutionCode").asString()).isEqualTo(SharedServer.DEMO_CODE);
        assertThat(json.get("name").asString()).isEqualTo(SharedServer.DEMO_NAME);
        assertThat(json.get("kind").asString()).isEqualTo("医科");
        assertThat(json.get("hospital").asBoolean()).isFalse();
        assertThat(json.get("characterCode").asString()).isEqualTo("0");
        JsonNode optIns = json.get("optIns");
        assertThat(optIns.get("medicalAssistance").asString()).isEqualTo("1");
        assertThat(optIns.get("operationInfo").asString()).isEqualTo("0");
        assertThat(optIns.get("ePrescription").asString()).isEqualTo("0");
        assertThat(optIns.get("eKarteSharing").asString()).isEqualTo("0");
        assertThat(optIns.get("emergencyInfo").asString()).isEqualTo("0");
        assertThat(optIns.get("smartphone").asString()).isEqualTo("0");
        assertThat(optIns.get("medicalSubsidy").asString()).as("PMH 医療費助成情報, off for a new facility").isEqualTo("0");
    }

    @Test
    void unknownApiPathOrMethodIsA404WithJson() throws Exception {
        SharedServer shared = SharedServer.get();
        Api.Response r = Api.get(shared.demoClient(), shared.base(), "api/v1/nothing-here");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF1302");
        assertThat(Api.get(shared.demoClient(), shared.base(), Api.INQUIRY).status()).isEqualTo(404);
    }
}
