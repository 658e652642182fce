package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.medical.EPrescriptionDrugBlocks;
import org.openoqs.core.medical.EPrescriptionHistory;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.testsupport.Api;

/**
 * 薬剤情報 carries the project's own 電子処方箋 data, through the real server over mutual TLS: a clinic registers a
 * signed prescription for 山田 花子 (persona shaho-kazoku), a pharmacy receives it and registers what it dispensed; a
 * third facility the patient consented to asks for her 薬剤情報 and gets the prescription as {@code ShPrInf} and the
 * dispensing result as {@code CzDiInf}. Asked for months before it, or for her husband 山田 太郎 (same 記号・番号,
 * 枝番 00), the answer carries neither; a cancelled prescription is never shown.
 */
class EPrescriptionsInDrugInformationTest {

    private static final LocalDate TODAY = LocalDate.now(ServerConfig.TOKYO);
    private final EpsFixture eps = new EpsFixture();

    private static PrescriptionDocument documentFor(Persona persona, String clinic, String drug) {
        Qualification q = persona.qualifications().get(0);
        return new PrescriptionDocument(clinic, "電子処方箋テスト診療所", EpsFixture.DOCTOR, TODAY, null,
                new InsuredPatient(q.insurerNumber().digits(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                        q.insuredBranchNumber(), persona.person().name(), persona.person().nameKana(),
                        persona.person().birthdate(), persona.person().sex().code()),
                List.of(new Medication("2171022F1", drug, "1", "錠", "1日1回朝食後", 14)), null);
    }

    private String register(EpsFixture.Facility clinic, PrescriptionDocument document) {
        XmlNode registered = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), document), PrescriptionIssueSelect.ELECTRONIC));
        assertThat(EpsFixture.text(registered, "ProcessingResultStatus")).as(registered.toString()).isEqualTo("1");
        return EpsFixture.text(registered, "PrescriptionId");
    }

    @Test
    void aRegisteredAndDispensedPrescriptionShowsInTheDrugInformation() {
        Persona hanako = Personas.byKey("shaho-kazoku").orElseThrow();
        Persona taro = Personas.byKey("shaho-honnin").orElseThrow();
        EpsFixture.Facility clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        EpsFixture.Facility pharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        EpsFixture.Facility viewer = eps.facility('1', EPrescriptionUse.NOT_USED);

        String id = register(clinic, documentFor(hanako, clinic.code(), "アムロジピン錠５ｍｇ"));
        XmlNode registered = eps.call(clinic, EpsOperation.STATUS, EpsFixture.byId(id));
        XmlNode received = eps.call(pharmacy, EpsOperation.RECEIVE, EpsFixture.receive(
                EpsFixture.text(eps.call(clinic, EpsOperation.SEARCH, EpsFixture.body()
                        .leaf("InsurerNumber", hanako.qualifications().get(0).insurerNumber().digits())
                        .leaf("InsuredIdentificationNumber", "4501").leaf("InsuredBranchNumber", "01")),
                        "PrescriptionIdList", "AccessCode"), hanako.person().birthdate()));
        assertThat(EpsFixture.text(received, "PrescriptionStatus")).as(registered + " " + received).isEqualTo("調剤中");
        XmlNode dispensed = eps.call(pharmacy, EpsOperation.DISPENSING_RESULT, EpsFixture.byId(id).child("DispensingResult",
                r -> r.leaf("DispensingDate", TODAY.format(DateTimeFormatter.BASIC_ISO_DATE)).leaf("PharmacistName", "薬局　太郎")
                        .child("DispensedMedicationList", l -> l.child("DispensedMedication", m -> m
                                .leaf("DrugName", "アムロジピン錠５ｍｇ「後発」").leaf("Quantity", "14").leaf("Unit", "錠")
                                .leaf("Days", "14")))));
        assertThat(EpsFixture.text(dispensed, "PrescriptionStatus")).as(dispensed.toString()).isEqualTo("調剤済");
        String cancelled = register(clinic, documentFor(hanako, clinic.code(), "取り消した錠１０ｍｇ"));
        eps.call(clinic, EpsOperation.CANCEL, EpsFixture.byId(cancelled));

        consent(viewer.code(), hanako);
        consent(viewer.code(), taro);
        YearMonth month = YearMonth.from(TODAY);

        String answer = drugInformation(viewer, hanako, month.minusMonths(2), month);
        EPrescriptionHistory history = EPrescriptionDrugBlocks.read(body(answer));
        assertThat(history.prescriptions()).singleElement().satisfies(p -> {
            assertThat(p.institutionCode()).isEqualTo(clinic.code());
            assertThat(p.institutionName()).isEqualTo("電子処方箋テスト診療所");
            assertThat(p.issueDate()).isEqualTo(TODAY);
            assertThat(p.medications()).extracting(Medication::drugName).containsExactly("アムロジピン錠５ｍｇ");
        });
        assertThat(history.dispensings()).singleElement().satisfies(d -> {
            assertThat(d.pharmacyCode()).isEqualTo(pharmacy.code());
            assertThat(d.pharmacyName()).isEqualTo("テスト薬局 " + pharmacy.code());
            assertThat(d.prescriberCode()).isEqualTo(clinic.code());
            assertThat(d.dispensingDate()).isEqualTo(TODAY);
            assertThat(d.prescriptionDate()).isEqualTo(TODAY);
            assertThat(d.medications()).singleElement().satisfies(m -> {
                assertThat(m.drugName()).isEqualTo("アムロジピン錠５ｍｇ「後発」");
                assertThat(m.quantity()).isEqualTo("14");
            });
        });
        assertThat(answer).doesNotContain("取り消した錠");

        String before = drugInformation(viewer, hanako, month.minusMonths(6), month.minusMonths(1));
        assertThat(before).contains("\"ResultCode\":\"1\"").doesNotContain("CzDiInf", "ShPrInf", "アムロジピン錠５ｍｇ「後発」");

        String husband = drugInformation(viewer, taro, month.minusMonths(2), month);
        assertThat(husband).contains("\"ResultCode\":\"1\"").doesNotContain("CzDiInf", "ShPrInf", clinic.code());
    }

    private static XmlNode body(String json) {
        return JsonMirror.fromJson(json).child("MessageBody").orElseThrow();
    }

    private void consent(String facility, Persona persona) {
        LocalDateTime at = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);
        eps.shared.server().bean(ConsentService.class).record(List.of(new ConsentRecord(facility,
                persona.person().personId(), ConsentCategory.DRUG, MedicalTreatmentFlag.OUTPATIENT, at,
                ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, at))), null, "face");
    }

    private String drugInformation(EpsFixture.Facility viewer, Persona persona, YearMonth from, YearMonth to) {
        Qualification q = persona.qualifications().get(0);
        DateTimeFormatter months = DateTimeFormatter.ofPattern("uuuuMM");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + viewer.code() + "</MedicalInstitutionCode><InsurerNumber>" + q.insurerNumber().fileForm()
                + "</InsurerNumber><InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>"
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber><BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>"
                + "<ArbitraryFileIdentifier>eps-" + persona.key() + "</ArbitraryFileIdentifier></MessageHeader>"
                + "<MessageBody><StartDate>" + from.format(months) + "</StartDate><EndDate>" + to.format(months)
                + "</EndDate><FileCategory>2</FileCategory></MessageBody></XmlMsg>";
        String json = JsonMirror.toJson(new XmlDocumentReader().read(xml.getBytes(StandardCharsets.UTF_8)));
        try {
            Api.Response r = Api.post(viewer.client(), eps.shared.base(), "api/v1/medical/drug-information", json);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"ResultCode\":\"1\"");
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
