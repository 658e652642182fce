package org.openoqs.server.clins.document;

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
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
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
 * 健康診断結果報告書 across facilities over real mTLS (docs/clins.md "健康診断結果報告書: viewing"): a check-up facility
 * registers one; another facility asks for the patient's reports with {@code CIPsickr01} (the JSON mirror at
 * {@code POST /api/v1/clins/checkup-reports}) and is refused with OQSP5007 until the patient's 特定健診情報 consent to
 * it is in force — another consent (電子カルテ情報) or a lapsed one does not open them — then gets the report with its
 * FHIR Bundle; the sender's 取消 hides it, 取消UNDO brings it back; an unknown person, a facility without the service,
 * a PDF request and a request naming another facility each get their own code; every view and refusal is audited.
 * Runs on H2 and (the {@code postgresql-tests} profile) PostgreSQL.
 */
class CheckupReportsAcrossFacilitiesApiTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static final String PATH = "api/v1/clins/checkup-reports";
    static String checkupFacility;
    static String viewer;
    static String lapsedViewer;
    static String switchedOff;
    static HttpClient checkupClient;
    static HttpClient viewerClient;
    static HttpClient lapsedClient;
    static HttpClient offClient;
    static String identifier;
    static String personId;

    @BeforeAll
    static void aCheckupFacilityRegistersAReport() throws Exception {
        checkupFacility = CheckDigit.complete("13189" + "5205");
        viewer = CheckDigit.complete("13189" + "6206");
        lapsedViewer = CheckDigit.complete("13189" + "7207");
        switchedOff = CheckDigit.complete("13189" + "8208");
        SHARED.server().facilities().create(checkupFacility, "健診センター（報告書）");
        DocumentFacilities.usingTheService(SHARED, viewer, "報告書 閲覧病院");
        DocumentFacilities.usingTheService(SHARED, lapsedViewer, "報告書 同意期限切れ医院");
        DocumentFacilities.notUsingTheService(SHARED, switchedOff, "報告書 未利用医院");
        checkupClient = SHARED.pki().client(SHARED.pki().issueFacility(checkupFacility));
        viewerClient = SHARED.pki().client(SHARED.pki().issueFacility(viewer));
        lapsedClient = SHARED.pki().client(SHARED.pki().issueFacility(lapsedViewer));
        offClient = SHARED.pki().client(SHARED.pki().issueFacility(switchedOff));
        personId = Personas.byKey("kokuho").orElseThrow().person().personId();

        byte[] report = DocumentCorpus.text("checkup-general.json")
                .replace(ExampleCorpus.DEMO_INSTITUTION_CODE, checkupFacility)
                .replace("^2026^checkup-suzuki\"", "^2026^ck-across\"").getBytes(StandardCharsets.UTF_8);
        Api.Response registered = DocumentHttp.register(checkupClient, SHARED.base(), report, false);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        identifier = checkupFacility + "^2026^ck-across";
    }

    @Test
    void anotherFacilitySeesTheReportOnlyWithTheCheckupConsent() throws Exception {
        String refused = request(viewerClient, viewer, "kokuho", "2", "ck-none");
        assertThat(refused).contains("\"ResultCode\":\"2\"").contains("OQSP5007").contains("特定健診情報の閲覧同意")
                .doesNotContain("身長").doesNotContain(identifier);
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REFUSED OQSP5007 consent=checkup none");
        assertThat(lastAudit(viewer).subject()).isEqualTo("kind=CIPsickr01;file=ck-none;persons=" + personId);

        consent(viewer, ConsentCategory.CLINS, 5);
        assertThat(request(viewerClient, viewer, "kokuho", "2", "ck-clins-only"))
                .as("the 電子カルテ情報 consent is not the check-up consent").contains("OQSP5007").doesNotContain("身長");

        consent(viewer, ConsentCategory.CHECKUP, 5);
        String shown = request(viewerClient, viewer, "kokuho", "2", "ck-given");
        assertThat(shown).contains("\"ResultCode\":\"1\"").contains(identifier)
                .contains("\"SenderInstitutionCode\":\"" + checkupFacility + "\"")
                .contains("\"DocumentKindName\":\"健康診断結果報告書\"").contains("JP_Bundle_eCheckupGeneral")
                .contains("身長").contains("事業者健診結果").contains("鈴木　一郎");
        AuditEvent ok = lastAudit(viewer);
        assertThat(ok.subject()).isEqualTo("kind=CIPsickr01;file=ck-given;persons=" + personId);
        assertThat(ok.outcome()).startsWith("OK reports=");
    }

    @Test
    void aLapsedConsentIsRefusedSayingSoAndTheSendersCancelHidesTheReportUntilItsUndo() throws Exception {
        // a consent of a month ago has lapsed: refused, saying so
        consent(lapsedViewer, ConsentCategory.CHECKUP, 30 * 24 * 60);
        assertThat(request(lapsedClient, lapsedViewer, "kokuho", "2", "ck-lapsed")).contains("OQSP5007")
                .contains("有効期限").doesNotContain(identifier);
        assertThat(lastAudit(lapsedViewer).outcome()).isEqualTo("REFUSED OQSP5007 consent=checkup expired");

        consent(lapsedViewer, ConsentCategory.CHECKUP, 5); // given again today
        assertThat(request(lapsedClient, lapsedViewer, "kokuho", "2", "ck-before")).contains(identifier);
        assertThat(DocumentHttp.cancel(checkupClient, SHARED.base(), identifier).status()).isEqualTo(200);
        assertThat(request(lapsedClient, lapsedViewer, "kokuho", "2", "ck-cancelled")).contains("\"ResultCode\":\"1\"")
                .doesNotContain(identifier);
        assertThat(DocumentHttp.undo(checkupClient, SHARED.base(), identifier).status()).isEqualTo(200);
        assertThat(request(lapsedClient, lapsedViewer, "kokuho", "2", "ck-undone")).contains(identifier);
    }

    @Test
    void eachOtherRefusalHasItsOwnCodeAndIsAudited() throws Exception {
        QualificationConfirmSearchInfo keys = Personas.byKey("kokuho").orElseThrow().inquiry();
        String unknown = requestWithKeys(viewerClient, viewer, keys.insurerNumber().strip(), "", "98765432", "", "2",
                "ck-unknown");
        assertThat(unknown).contains("\"ResultCode\":\"2\"").contains("OQSP3102");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REFUSED OQSP3102");

        assertThat(request(offClient, switchedOff, "kokuho", "2", "ck-off")).contains("OQSP4001")
                .doesNotContain(identifier);
        assertThat(lastAudit(switchedOff).outcome()).isEqualTo("REFUSED OQSP4001");

        assertThat(request(viewerClient, viewer, "kokuho", "1", "ck-pdf")).contains("OQSP5008");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REFUSED OQSP5008");

        assertThat(request(viewerClient, checkupFacility, "kokuho", "2", "ck-other")).contains("OQSF1204");
        assertThat(lastAudit(viewer).outcome()).isEqualTo("REJECTED OQSF1204");

        Api.Response broken = Api.post(viewerClient, SHARED.base(), PATH, "{\"XmlMsg\":");
        assertThat(broken.status()).isEqualTo(400);
    }

    private static String request(HttpClient client, String facility, String persona, String category, String fileId)
            throws Exception {
        QualificationConfirmSearchInfo keys = Personas.byKey(persona).orElseThrow().inquiry();
        return requestWithKeys(client, facility, keys.insurerNumber().strip(), keys.insuredCardSymbol(),
                keys.insuredIdentificationNumber(), keys.insuredBranchNumber(), category, fileId);
    }

    private static String requestWithKeys(HttpClient client, String facility, String insurer, String symbol,
            String number, String branch, String category, String fileId) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>" + facility
                + "</MedicalInstitutionCode><InsurerNumber>" + insurer + "</InsurerNumber><InsuranceCardSymbol>"
                + (symbol == null ? "" : symbol) + "</InsuranceCardSymbol><InsuredPersonIdentificationNumber>" + number
                + "</InsuredPersonIdentificationNumber><BranchNumber>" + (branch == null ? "" : branch)
                + "</BranchNumber><ArbitraryFileIdentifier>" + fileId + "</ArbitraryFileIdentifier></MessageHeader>"
                + "<MessageBody><FileCategory>" + category + "</FileCategory></MessageBody></XmlMsg>";
        String json = JsonMirror.toJson(new XmlDocumentReader().read(xml.getBytes(StandardCharsets.UTF_8)));
        Api.Response r = Api.post(client, SHARED.base(), PATH, json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        return r.body();
    }

    private static void consent(String facility, ConsentCategory category, int minutesAgo) {
        LocalDateTime at = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS).minusMinutes(minutesAgo);
        SHARED.server().bean(ConsentService.class).record(List.of(new ConsentRecord(facility, personId, category,
                MedicalTreatmentFlag.OUTPATIENT, at, ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, at))),
                null, "face");
    }

    private static AuditEvent lastAudit(String facility) {
        return SHARED.server().auditLog().recent(facility, 20).stream()
                .filter(e -> e.action().equals(MedicalInformationService.ACTION)).findFirst().orElseThrow();
    }
}
