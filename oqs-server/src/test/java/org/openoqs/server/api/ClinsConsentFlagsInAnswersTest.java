package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import tools.jackson.databind.JsonNode;

/**
 * Number inquiries over mutual TLS (the JSON mirror): a facility that switched 電子カルテ情報共有サービス on gets the six
 * 2025 consent triplets from the patient's 電子カルテ情報 consent, valid against docs/openapi.yaml; the same consent
 * recorded for a facility that did not switch it on shows nothing.
 */
class ClinsConsentFlagsInAnswersTest {

    private static final String INQUIRY = "/api/v1/qualifications/inquiry";
    private static final List<String> PREFIXES = List.of("DiagnosisName", "InfectiousInfo", "AllergyInfo",
            "ContraindicationInfo", "TestInfo", "PrescriptionInfo");

    private final SharedServer shared = SharedServer.get();
    private final OpenApiDocument document = OpenApiDocument.load();
    private final Persona persona = Personas.byKey("kokuho").orElseThrow();

    @Test
    void aFacilityUsingTheServiceGetsTheFlagsFromTheConsent() throws Exception {
        String code = facility("95", true);
        consent(code);
        JsonNode record = answer(code, "clins-on");
        for (String prefix : PREFIXES) {
            assertThat(record.path(prefix + "ConsFlg").asString()).as(prefix).isEqualTo("1");
            assertThat(record.path(prefix + "ConsTime").asString()).as(prefix).matches("\\d{14}");
            assertThat(record.path(prefix + "AvailableTime").asString()).as(prefix).matches("\\d{14}");
        }
    }

    @Test
    void aFacilityUsingTheServiceSeesZeroWithoutAConsent() throws Exception {
        JsonNode record = answer(facility("96", true), "clins-none");
        for (String prefix : PREFIXES) {
            assertThat(record.path(prefix + "ConsFlg").asString()).as(prefix).isEqualTo("0");
            assertThat(record.has(prefix + "ConsTime")).as(prefix).isFalse();
        }
    }

    @Test
    void aFacilityNotUsingTheServiceGetsNoElements() throws Exception {
        String code = facility("97", false);
        consent(code);
        JsonNode record = answer(code, "clins-off");
        assertThat(record.path("PharmacistsInfoConsFlg").asString()).isEqualTo("0");
        for (String prefix : PREFIXES) {
            assertThat(record.has(prefix + "ConsFlg")).as(prefix).isFalse();
        }
    }

    private String facility(String series, boolean eKarteSharing) {
        String code = CheckDigit.complete("131" + series + String.format("%04d", (System.nanoTime() / 1000) % 10000));
        shared.server().facilities().create(code, "電子カルテ試験診療所 " + code);
        shared.server().facilities().updateSettings(code,
                shared.server().facilities().get(code).settings().withEKarteSharing(eKarteSharing));
        return code;
    }

    // as the card reader records it after a confirmation with `clins` chosen
    private void consent(String code) {
        LocalDateTime now = LocalDateTime.now(shared.server().bean(Clock.class).withZone(ServerConfig.TOKYO))
                .truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
        shared.server().bean(ConsentService.class).record(List.of(new ConsentRecord(code, persona.person().personId(),
                ConsentCategory.CLINS, MedicalTreatmentFlag.OUTPATIENT, now,
                ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, now))), persona.card() == null ? null
                : persona.card().cardId(), "face");
    }

    private JsonNode answer(String code, String id) throws Exception {
        HttpClient client = shared.pki().client(shared.pki().issueFacility(code));
        String today = LocalDate.now(ServerConfig.TOKYO).format(DateTimeFormatter.BASIC_ISO_DATE);
        String body = JsonMirror.toJson(QualificationMessages.requestToXml(
                new QualificationInquiryRequest(new RequestHeader(today, code, id), persona.inquiry())));
        Api.Response r = Api.post(client, shared.base(), INQUIRY.substring(1), body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(document.validate(document.responseSchemaPointer(document.operation("POST", INQUIRY), "200",
                "application/json"), r.json())).as("valid against docs/openapi.yaml: %s", r.body()).isEmpty();
        JsonNode records = r.json().at("/XmlMsg/MessageBody/ResultList/ResultOfQualificationConfirmation");
        assertThat(records.size()).isEqualTo(1);
        return records.get(0);
    }
}
