package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The facility comes from the certificate, never from the request: facility B's valid certificate asking with
 * facility A's MedicalInstitutionCode gets 403 INSTITUTION_MISMATCH, and the attempt is audited.
 */
class InstitutionMismatchTest {

    static final String FACILITY_B = "1313810010";

    private static SharedServer shared;
    private static HttpClient facilityB;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
        if (shared.server().facilities().find(FACILITY_B).isEmpty()) {
            shared.server().facilities().create(FACILITY_B, "テスト病院B", true);
        }
        facilityB = shared.pki().client(shared.pki().issueFacility(FACILITY_B));
    }

    @Test
    void anotherFacilitysCodeIsForbiddenAndAudited() throws Exception {
        long before = shared.server().auditLog().size();
        Api.Response r = Api.post(facilityB, shared.base(), Api.INQUIRY, Api.inquiryJson(SharedServer.DEMO_CODE,
                PersonaCorpus.CONFIRMATION_DATE, "mismatch-1", Personas.all().get(0).inquiry()));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF1204");
        assertThat(r.json().get("message").asString()).contains("一致しません");
        assertThat(r.body()).doesNotContain(Personas.all().get(0).person().name());

        AuditEvent event = shared.server().auditLog().read(before, 10).stream()
                .filter(e -> e.subject() != null && e.subject().contains("mismatch-1")).findFirst().orElseThrow();
        assertThat(event.facility()).isEqualTo(FACILITY_B);
        assertThat(event.action()).isEqualTo("QUALIFICATION_INQUIRY");
        assertThat(event.outcome()).startsWith("REFUSED OQSF1204").contains("requested=" + SharedServer.DEMO_CODE);
    }

    @Test
    void ownCodeIsAnswered() throws Exception {
        Api.Response r = Api.post(facilityB, shared.base(), Api.INQUIRY, Api.inquiryJson(FACILITY_B,
                PersonaCorpus.CONFIRMATION_DATE, "own-code", Personas.all().get(0).inquiry()));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.result().header().medicalInstitutionCode()).isEqualTo(FACILITY_B);
    }
}
