package org.openoqs.server.medical;

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
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The terminal API's 薬剤情報 over real mutual TLS follows the consent rule: data with the 薬剤情報 consent in force,
 * OQSP3101 without it, after it lapsed, or for 薬剤＋診療情報 without the 診療情報 consent — every answer audited with
 * the certificate. (The portal's screens use the same rule: web.MedicalInformationConsentRefusalTest.)
 */
class MedicalInformationApiConsentTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();
    static String clinic;
    static HttpClient client;

    @BeforeAll
    static void clinicWithConsents() {
        clinic = CheckDigit.complete("27177" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(clinic, "医療情報API テスト医院 " + clinic);
        client = SHARED.pki().client(SHARED.pki().issueFacility(clinic));
        LocalDateTime now = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS);
        consent("kokuho", now.minusHours(1), ConsentCategory.DRUG);
        consent("soushitsu", now.minusDays(2), ConsentCategory.DRUG); // 24 hours at the counter: over
    }

    @Test
    void withTheConsentInForceTheDrugHistoryIsAnswered() throws Exception {
        String result = drugInformation("kokuho", "2");

        assertThat(result).contains("\"ResultCode\":\"1\"").contains("DrugN");
        assertThat(lastAudit().outcome()).isEqualTo("OK category=2 xml");
        assertThat(lastAudit().actor()).startsWith("cert:");
    }

    @Test
    void withoutTheDiagnosisConsentDrugsWithDiagnosesAreRefused() throws Exception {
        String result = drugInformation("kokuho", "4");

        assertThat(result).contains("\"ResultCode\":\"2\"").contains("OQSP3101").contains("診療情報の同意がありません");
        assertThat(lastAudit().outcome()).isEqualTo("REFUSED OQSP3101 consent=diagnosis none");
    }

    @Test
    void aLapsedConsentIsRefusedWithItsEnd() throws Exception {
        String result = drugInformation("soushitsu", "2");

        assertThat(result).contains("OQSP3101").contains("薬剤情報の同意の有効期限");
        assertThat(lastAudit().outcome()).isEqualTo("REFUSED OQSP3101 consent=drug expired");
    }

    @Test
    void noConsentAtAllIsRefused() throws Exception {
        String result = drugInformation("kourei-jukyu", "2");

        assertThat(result).contains("OQSP3101").contains("薬剤情報の同意がありません");
        assertThat(lastAudit().outcome()).isEqualTo("REFUSED OQSP3101 consent=drug none");
    }

    private static void consent(String persona, LocalDateTime at, ConsentCategory... categories) {
        List<ConsentRecord> records = java.util.Arrays.stream(categories).map(c -> new ConsentRecord(clinic,
                Personas.byKey(persona).orElseThrow().person().personId(), c, MedicalTreatmentFlag.OUTPATIENT, at,
                ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, at))).toList();
        SHARED.server().bean(ConsentService.class).record(records, null, "face");
    }

    private static String drugInformation(String persona, String fileCategory) throws Exception {
        Persona p = Personas.byKey(persona).orElseThrow();
        Qualification q = p.qualifications().get(p.qualifications().size() - 1);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>" + clinic
                + "</MedicalInstitutionCode><InsurerNumber>" + q.insurerNumber().fileForm() + "</InsurerNumber>"
                + (q.insuredCardSymbol() == null ? "" : "<InsuranceCardSymbol>" + q.insuredCardSymbol()
                + "</InsuranceCardSymbol>") + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber><BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>"
                + "<ArbitraryFileIdentifier>api-" + persona + "</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>" + fileCategory + "</FileCategory></MessageBody></XmlMsg>";
        String json = JsonMirror.toJson(new XmlDocumentReader().read(xml.getBytes(StandardCharsets.UTF_8)));
        Api.Response r = Api.post(client, SHARED.base(), "api/v1/medical/drug-information", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static AuditEvent lastAudit() {
        return SHARED.server().auditLog().recent(clinic, 10).stream()
                .filter(e -> e.action().equals(MedicalInformationService.ACTION)).findFirst().orElseThrow();
    }
}
