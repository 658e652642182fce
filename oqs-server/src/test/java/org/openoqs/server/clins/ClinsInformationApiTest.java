package org.openoqs.server.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * 電子カルテ情報 retrieval over real mTLS ({@code POST /api/v1/clins/information}, the mirror of CIPsiquc01): what
 * another facility registered is shown to a viewer with the service switched on and the patient's CLINS consent —
 * without 疑い病名 and UNDELIVERED items, UNINFORMED ones marked — and refused (audited) otherwise.
 */
class ClinsInformationApiTest {

    private static final SharedServer SHARED = SharedServer.get();
    static String registrar;
    static String viewer;
    static String switchedOff;
    static HttpClient viewerClient;
    static HttpClient offClient;

    @BeforeAll
    static void registeredElsewhereAndConsented() throws Exception {
        registrar = CheckDigit.complete("13189" + "1001");
        viewer = CheckDigit.complete("13189" + "2002");
        switchedOff = CheckDigit.complete("13189" + "3003");
        var facilities = SHARED.server().facilities();
        facilities.create(registrar, "CLINS 登録元病院");
        facilities.create(viewer, "CLINS 閲覧医院");
        facilities.create(switchedOff, "CLINS 未設定医院");
        facilities.updateSettings(viewer, facilities.get(viewer).settings().withEKarteSharing(true));
        HttpClient registrarClient = SHARED.pki().client(SHARED.pki().issueFacility(registrar));
        viewerClient = SHARED.pki().client(SHARED.pki().issueFacility(viewer));
        offClient = SHARED.pki().client(SHARED.pki().issueFacility(switchedOff));
        for (String file : List.of("condition-kokuho.json", "lab-kokuho.json", "other-allergy-shaho.json",
                "infection-kouki.json")) {
            String json = new String(ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file)).findFirst()
                    .orElseThrow().bytes(), StandardCharsets.UTF_8).replace(ExampleCorpus.DEMO_INSTITUTION_CODE, registrar);
            Api.Response r = ClinsHttp.register(registrarClient, SHARED.base(), json.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(file + " " + r.body()).isEqualTo(201);
        }
        LocalDateTime now = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
        for (String persona : List.of("kokuho", "shaho-honnin", "kouki")) {
            consent(viewer, persona, now.minusHours(1));
            consent(switchedOff, persona, now.minusHours(1));
        }
    }

    @Test
    void confirmedConditionsAndLabsOfAnotherFacilityAreShownWithoutSuspectedOnes() throws Exception {
        String result = information(viewerClient, viewer, "kokuho");

        assertThat(result).contains("\"ResultCode\":\"1\"").contains("高血圧症").contains("2型糖尿病")
                .contains("HbA1c").contains("mg/dL").contains("referenceRange").contains(registrar)
                .doesNotContain("胃癌");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("OK category=2 xml items=4");
        assertThat(lastAudit(viewer).subject()).startsWith("kind=CIPsiquc01;");
    }

    @Test
    void uninformedItemsAreMarkedAndUndeliveredOnesNeverShown() throws Exception {
        String allergies = information(viewerClient, viewer, "shaho-honnin");
        assertThat(allergies).contains("スギ花粉").contains("そば").contains("\"Uninformed\":\"1\"").contains("UNINFORMED");

        String infections = information(viewerClient, viewer, "kouki");
        assertThat(infections).contains("HBs抗原").doesNotContain("HCV抗体");
    }

    @Test
    void aFacilityWithTheServiceSwitchedOffIsRefused() throws Exception {
        String result = information(offClient, switchedOff, "kokuho");
        assertThat(result).contains("\"ResultCode\":\"2\"").contains("OQSP4001").doesNotContain("高血圧症");
        assertThat(lastAudit(switchedOff).outcome()).isEqualTo("REFUSED OQSP4001");
    }

    @Test
    void withoutTheConsentItIsRefused() throws Exception {
        String result = information(viewerClient, viewer, "kourei-jukyu");
        assertThat(result).contains("OQSP3101").contains("電子カルテ情報の同意がありません");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REFUSED OQSP3101 consent=clins none");
    }

    @Test
    void anUnknownPersonIsRefused() throws Exception {
        String result = information(viewerClient, viewer, "06199905", "1201", "9999", "00", "gaitou-nashi");
        assertThat(result).contains("OQSP3102");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REFUSED OQSP3102");
    }

    private static void consent(String facility, String persona, LocalDateTime at) {
        SHARED.server().bean(ConsentService.class).record(List.of(new ConsentRecord(facility,
                Personas.byKey(persona).orElseThrow().person().personId(), ConsentCategory.CLINS,
                MedicalTreatmentFlag.OUTPATIENT, at, ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, at))),
                null, "face");
    }

    private static String information(HttpClient client, String facility, String persona) throws Exception {
        Persona p = Personas.byKey(persona).orElseThrow();
        Qualification q = p.qualifications().get(p.qualifications().size() - 1);
        return information(client, facility, q.insurerNumber().fileForm(), q.insuredCardSymbol(),
                q.insuredIdentificationNumber(), q.insuredBranchNumber(), persona);
    }

    private static String information(HttpClient client, String facility, String insurer, String symbol, String number,
            String branch, String persona) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>" + facility
                + "</MedicalInstitutionCode><InsurerNumber>" + insurer + "</InsurerNumber>"
                + (symbol == null ? "" : "<InsuranceCardSymbol>" + symbol + "</InsuranceCardSymbol>")
                + "<InsuredPersonIdentificationNumber>" + number + "</InsuredPersonIdentificationNumber>"
                + (branch == null ? "" : "<BranchNumber>" + branch + "</BranchNumber>") + "<ArbitraryFileIdentifier>cip-" + persona
                + "</ArbitraryFileIdentifier></MessageHeader><MessageBody><FileCategory>2</FileCategory></MessageBody></XmlMsg>";
        String json = JsonMirror.toJson(new XmlDocumentReader().read(xml.getBytes(StandardCharsets.UTF_8)));
        Api.Response r = Api.post(client, SHARED.base(), "api/v1/clins/information", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static AuditEvent lastAudit(String facility) {
        return SHARED.server().auditLog().recent(facility, 10).stream()
                .filter(e -> e.action().equals(MedicalInformationService.ACTION)).findFirst().orElseThrow();
    }
}
