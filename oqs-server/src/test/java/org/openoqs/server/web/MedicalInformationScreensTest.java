package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.medicalAudit;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.page;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.medical.DispensingRecord;
import org.openoqs.core.medical.MedicalHistory;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.medical.MedicalHistories;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A 医療情報閲覧 account sees the patients who consented on the facility's reader and, for each, the information the
 * consent covers: the same synthetic history the request files answer from, laid out for people, with the PDFs of
 * the file categories 1. Each view is audited with the account.
 */
class MedicalInformationScreensTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    static PortalFixture portal;
    static PortalFixture.SignedIn viewer;
    static Person taro;

    @BeforeAll
    static void consentingPatient() throws Exception {
        portal = PortalFixture.get();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("医療情報閲覧テスト医院", false));
        viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "医師 一郎");
        taro = persona("shaho-honnin");
        consent(portal, viewer.institutionCode(), "shaho-honnin", MedicalTreatmentFlag.OUTPATIENT, now().minusHours(1),
                ConsentCategory.DRUG, ConsentCategory.CHECKUP, ConsentCategory.DIAGNOSIS, ConsentCategory.LIMIT);
    }

    @Test
    void theListShowsTheConsentingPatientWithWhatMayBeViewed() throws Exception {
        String list = page(portal, viewer, "/web/medical");

        assertThat(list).contains("山田　太郎").contains("1985/04/12").contains("薬剤情報").contains("特定健診情報")
                .contains("診療情報").contains("/web/medical/patients/" + taro.personId());
    }

    @Test
    void theDrugScreenShowsEveryDispensingOfThePeriod() throws Exception {
        YearMonth thisMonth = YearMonth.from(now());
        MedicalHistory history = history(taro);
        List<DispensingRecord> expected = history.dispensingsBetween(thisMonth.minusMonths(35), thisMonth);
        assertThat(expected).as("the persona's synthetic history has dispensings").isNotEmpty();

        String drugs = page(portal, viewer, "/web/medical/patients/" + taro.personId() + "/drugs?from="
                + thisMonth.minusMonths(35) + "&to=" + thisMonth);

        assertThat(drugs).contains("id=\"drug-table\"").contains("調剤 " + expected.size() + " 件");
        for (DispensingRecord d : expected) {
            assertThat(drugs).contains(d.dispensingDate().format(DAY)).contains(d.drugs().get(0).drugName());
        }
        assertThat(medicalAudit(portal, viewer.institutionCode()).get(0)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(viewer.accountId());
            assertThat(e.subject()).isEqualTo("kind=YZK;channel=web;persons=" + taro.personId());
            assertThat(e.outcome()).isEqualTo("OK screen");
        });
    }

    @Test
    void withoutAPeriodTheDrugScreenShowsTheLastTwelveMonths() throws Exception {
        YearMonth thisMonth = YearMonth.from(now());

        String drugs = page(portal, viewer, "/web/medical/patients/" + taro.personId() + "/drugs");

        assertThat(drugs).contains("value=\"" + thisMonth.minusMonths(11) + "\"").contains("value=\"" + thisMonth + "\"");
    }

    @Test
    void checkUpsAreShownItemByItemAcrossTheYears() throws Exception {
        MedicalHistory history = history(taro);
        assertThat(history.checkups()).as("a 41-year-old has 特定健診").isNotEmpty();

        String checkups = page(portal, viewer, "/web/medical/patients/" + taro.personId() + "/checkups");

        assertThat(checkups).contains("id=\"checkup-table\"");
        history.checkups().forEach(c -> {
            assertThat(checkups).contains(c.date().format(DAY)).contains(c.institutionName());
            c.items().forEach(i -> assertThat(checkups).contains(i.name())
                    .contains(i.valueName() != null ? i.valueName() : i.value()));
        });
    }

    @Test
    void diagnosesAreShownAndOperationsOnlyWhereTheFacilityOptedInAndThePatientConsented() throws Exception {
        Person operated = personaWithSurgeries();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("手術情報テスト病院", true));
        PortalFixture.SignedIn doctor = portal.person(admin, AccountKind.MEDICAL_VIEWER, "医師 二郎");
        String key = keyOf(operated);
        consent(portal, doctor.institutionCode(), key, MedicalTreatmentFlag.OUTPATIENT, now().minusMinutes(5),
                ConsentCategory.DIAGNOSIS, ConsentCategory.SURGERY);
        String path = "/web/medical/patients/" + operated.personId() + "/clinical";
        MedicalHistory history = history(operated);

        String withoutOptIn = page(portal, doctor, path);
        FacilityService facilities = portal.server().facilities();
        facilities.updateSettings(doctor.institutionCode(),
                facilities.get(doctor.institutionCode()).settings().withOperationInfo(true));
        String withOptIn = page(portal, doctor, path);

        history.diagnoses().forEach(d -> assertThat(withoutOptIn).contains(d.name()));
        assertThat(withoutOptIn).contains("id=\"surgeries-hidden\"").doesNotContain(history.surgeries().get(0).name());
        assertThat(withOptIn).contains("id=\"surgery-table\"");
        history.surgeries().forEach(s -> assertThat(withOptIn).contains(s.name()).contains(s.date().format(DAY)));
        assertThat(medicalAudit(portal, doctor.institutionCode()).get(0).outcome()).isEqualTo("OK screen surgeries");
    }

    @Test
    void thePdfsAreTheFileCategoriesRenderedWithAJapaneseFont() throws Exception {
        MockHttpServletResponse drugs = open(portal, viewer, "/web/medical/patients/" + taro.personId() + "/drugs.pdf");
        MockHttpServletResponse checkups = open(portal, viewer,
                "/web/medical/patients/" + taro.personId() + "/checkups.pdf");

        for (MockHttpServletResponse pdf : List.of(drugs, checkups)) {
            assertThat(pdf.getStatus()).isEqualTo(200);
            assertThat(pdf.getContentType()).isEqualTo("application/pdf");
            assertThat(pdf.getHeader("Cache-Control")).contains("no-store");
            assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
            try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
                assertThat(new PDFTextStripper().getText(document)).as("Japanese text, drawn with the bundled font")
                        .contains(taro.name()).contains("生年月日");
                assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
            }
            assertThat(pdf.getContentAsByteArray().length).as("the font is embedded as a subset").isLessThan(200_000);
        }
        assertThat(medicalAudit(portal, viewer.institutionCode()).subList(0, 2))
                .extracting(e -> e.subject() + " " + e.outcome())
                .containsExactly("kind=TKK;channel=web;persons=" + taro.personId() + " OK pdf",
                        "kind=YZK;channel=web;persons=" + taro.personId() + " OK pdf");
    }

    @Test
    void thePatientPageListsEachConsentWithItsPeriod() throws Exception {
        String summary = page(portal, viewer, "/web/medical/patients/" + taro.personId());

        assertThat(summary).contains("id=\"consent-drug\"").contains("id=\"consent-surgery\"").contains("同意なし")
                .contains("id=\"tab-drugs\"").contains("id=\"tab-checkups\"").contains("id=\"tab-clinical\"")
                .doesNotContain("限度額情報");
    }

    private static MedicalHistory history(Person person) {
        return portal.server().bean(MedicalHistories.class).of(person);
    }

    private static Person personaWithSurgeries() {
        return Personas.all().stream().map(Persona::person).filter(p -> !history(p).surgeries().isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no persona's synthetic history has an operation"));
    }

    private static String keyOf(Person person) {
        return Personas.all().stream().filter(p -> p.person().personId().equals(person.personId())).findFirst()
                .orElseThrow().key();
    }
}
