package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** The result's CharacterCodeIdentifier is the facility's setting, so the terminal writes that encoding. */
class CharacterCodeSettingTest {

    static final String FACILITY = "1313810044";

    private static SharedServer shared;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "文字コード設定テスト薬局前診療所");
        client = shared.pki().client(shared.pki().issueFacility(FACILITY));
    }

    private String inquiry(String fileId) {
        return Api.inquiryJson(FACILITY, PersonaCorpus.CONFIRMATION_DATE, fileId, Personas.all().get(0).inquiry());
    }

    @Test
    void defaultIsUtf8() throws Exception {
        shared.server().facilities().setCharacterCode(FACILITY, CharacterCode.UTF_8);
        Api.Response r = Api.post(client, shared.base(), Api.INQUIRY, inquiry("utf8"));

        assertThat(r.result().header().characterCodeIdentifier()).isEqualTo(CharacterCode.UTF_8);
        assertThat(r.json().get("XmlMsg").get("MessageHeader").get("CharacterCodeIdentifier").asString()).isEqualTo("0");
    }

    @Test
    void shiftJisSettingAppearsInTheResultAndTheFacilityEndpoint() throws Exception {
        shared.server().facilities().setCharacterCode(FACILITY, CharacterCode.SHIFT_JIS);
        try {
            Api.Response r = Api.post(client, shared.base(), Api.INQUIRY, inquiry("sjis"));
            assertThat(r.result().header().characterCodeIdentifier()).isEqualTo(CharacterCode.SHIFT_JIS);
            assertThat(r.json().get("XmlMsg").get("MessageHeader").get("CharacterCodeIdentifier").asString())
                    .isEqualTo("1");

            Api.Response facility = Api.get(client, shared.base(), "api/v1/facility");
            assertThat(facility.json().get("characterCode").asString()).isEqualTo("1");
        } finally {
            shared.server().facilities().setCharacterCode(FACILITY, CharacterCode.UTF_8);
        }
    }
}
