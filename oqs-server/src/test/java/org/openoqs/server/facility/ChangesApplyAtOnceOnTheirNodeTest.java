package org.openoqs.server.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One node (embedded H2): the facility cache answers its callers' requests, yet a change made through this node —
 * a setting through {@link FacilityService}, a revocation at the CA — applies to the very next request, without
 * waiting for the shared version's poll.
 */
class ChangesApplyAtOnceOnTheirNodeTest {

    private static final String FACILITY = "api/v1/facility";

    private final SharedServer shared = SharedServer.get();

    @Test
    void aSettingChangedHereAppliesToTheNextRequest() throws Exception {
        String code = PortalFixture.get().newFacility("キャッシュ即時反映診療所", false);
        HttpClient client = shared.pki().client(shared.pki().issueFacility(code));
        assertThat(field(client, "characterCode")).isEqualTo(CharacterCode.UTF_8.code());

        shared.server().bean(JdbcClient.class).sql("update facility set name = ? where institution_code = ?")
                .params("裏口で変えた名前", code).update(); // past the service: no version bump
        assertThat(field(client, "name")).as("answered from the cache").isEqualTo("キャッシュ即時反映診療所");

        shared.server().facilities().setCharacterCode(code, CharacterCode.SHIFT_JIS);
        assertThat(field(client, "characterCode")).as("the very next request").isEqualTo(CharacterCode.SHIFT_JIS.code());
        assertThat(field(client, "name")).isEqualTo("裏口で変えた名前");

        shared.server().facilities().updateSettings(code, shared.server().facilities().get(code).settings()
                .withCharacterCode(CharacterCode.UTF_8).withMedicalAssistance(true));
        Api.Response after = Api.get(client, shared.base(), FACILITY);
        assertThat(after.json().get("characterCode").asString()).isEqualTo(CharacterCode.UTF_8.code());
        assertThat(after.json().get("optIns").get("medicalAssistance").asString()).isEqualTo("1");
    }

    @Test
    void aRevocationAppliesToTheNextRequest() throws Exception {
        String code = PortalFixture.get().newFacility("失効即時反映診療所", false);
        IssuedCredential credential = shared.pki().issueFacility(code);
        HttpClient client = shared.pki().client(credential);
        assertThat(Api.get(client, shared.base(), FACILITY).status()).isEqualTo(200);
        assertThat(Api.get(client, shared.base(), FACILITY).status()).isEqualTo(200);

        shared.pki().ca().revoke(credential.certificate().getSerialNumber(), "keyCompromise");

        Api.Response refused = Api.get(client, shared.base(), FACILITY); // same kept-alive connection
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("OQSF9002");
    }

    private String field(HttpClient client, String name) throws Exception {
        Api.Response r = Api.get(client, shared.base(), FACILITY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(name).asString();
    }
}
