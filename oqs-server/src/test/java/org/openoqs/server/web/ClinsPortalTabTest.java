package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.medicalAudit;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.page;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.facility.FacilityService;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The 医療情報閲覧 tab 電子カルテ情報: another facility registers 6情報 through the real terminal API; a viewer whose
 * facility switched 電子カルテ情報共有サービス on sees, for a patient with the CLINS consent in force, the confirmed
 * items in Japanese tables (疑い病名 and UNDELIVERED never, 未告知 marked, 検査 with unit and reference range). Without
 * the consent, or with the facility's switch off, the tab is closed and the screen refused with its code — every view
 * and refusal audited with the account.
 */
class ClinsPortalTabTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn viewer;
    static PortalFixture.SignedIn switchedOffViewer;
    static String registrar;
    static HttpClient registrarClient;
    static final List<String> registered = new ArrayList<>();

    @BeforeAll
    static void registeredElsewhereAndConsented() throws Exception {
        portal = PortalFixture.get();
        viewer = portal.person(portal.administrator(portal.facilityWithMaster("電子カルテ閲覧病院", true)),
                AccountKind.MEDICAL_VIEWER, "医師 六郎");
        switchedOffViewer = portal.person(portal.administrator(portal.facilityWithMaster("電子カルテ未設定医院", false)),
                AccountKind.MEDICAL_VIEWER, "医師 七子");
        FacilityService facilities = portal.server().facilities();
        facilities.updateSettings(viewer.institutionCode(),
                facilities.get(viewer.institutionCode()).settings().withEKarteSharing(true));
        registrar = portal.newFacility("電子カルテ登録診療所", false);
        registrarClient = portal.shared().pki().client(portal.shared().pki().issueFacility(registrar));
        for (String file : List.of("condition-kokuho.json", "lab-kokuho.json", "other-allergy-shaho.json",
                "drug-allergy-shaho.json", "infection-kouki.json")) {
            register(file);
        }
        for (PortalFixture.SignedIn who : List.of(viewer, switchedOffViewer)) {
            for (String persona : List.of("kokuho", "shaho-honnin", "kouki")) {
                consent(portal, who.institutionCode(), persona, MedicalTreatmentFlag.OUTPATIENT, now().minusHours(1),
                        ConsentCategory.CLINS);
            }
            // 薬剤情報 only: the list shows the patient, the 電子カルテ情報 tab stays closed
            consent(portal, who.institutionCode(), "shaho-kazoku", MedicalTreatmentFlag.OUTPATIENT, now().minusHours(1),
                    ConsentCategory.DRUG);
        }
    }

    @AfterAll
    static void deleteWhatThisClassRegistered() throws Exception {
        // the shared server shows every facility's registrations: leave none behind for other test classes
        for (String identifier : registered) {
            HttpRequest delete = HttpRequest.newBuilder(portal.shared().base().resolve("api/v1/clins/bundles/"
                    + URLEncoder.encode(identifier, StandardCharsets.UTF_8))).DELETE().build();
            registrarClient.send(delete, HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void confirmedConditionsAndLabsWithUnitsAndReferenceRanges() throws Exception {
        String id = persona("kokuho").personId();

        String screen = page(portal, viewer, "/web/medical/patients/" + id + "/ekarte");

        assertThat(screen).contains("<h1>電子カルテ情報</h1>").contains("id=\"clins-condition\"")
                .contains("高血圧症").contains("2型糖尿病").doesNotContain("胃癌")
                .contains("id=\"clins-lab\"").contains("HbA1c").contains("mg/dL").contains("～").contains(registrar);
        assertThat(screen).contains("id=\"clins-drug-allergy-none\"");
        AuditEvent view = medicalAudit(portal, viewer.institutionCode()).get(0);
        assertThat(view.actor()).isEqualTo(viewer.accountId());
        assertThat(view.subject()).isEqualTo("kind=CIP;channel=web;persons=" + id);
        assertThat(view.outcome()).startsWith("OK screen items=");
    }

    @Test
    void allergiesWithTheUninformedOneMarkedAndDrugContraindications() throws Exception {
        String screen = page(portal, viewer, "/web/medical/patients/" + persona("shaho-honnin").personId() + "/ekarte");

        assertThat(screen).contains("id=\"clins-other-allergy\"").contains("そば").contains("スギ花粉")
                .contains("class=\"uninformed\"").contains("<span class=\"tag\">未告知</span>")
                .contains("薬剤禁忌（薬剤アレルギー等）").contains("id=\"clins-drug-allergy\"");
    }

    @Test
    void infectionsWithoutTheUndeliveredResult() throws Exception {
        String screen = page(portal, viewer, "/web/medical/patients/" + persona("kouki").personId() + "/ekarte");

        assertThat(screen).contains("id=\"clins-infection\"").contains("HBs抗原").contains("陰性")
                .doesNotContain("HCV抗体");
    }

    @Test
    void theTabOpensOnlyWithTheConsentAndTheSwitch() throws Exception {
        String consented = page(portal, viewer, "/web/medical/patients/" + persona("kokuho").personId());
        String drugsOnly = page(portal, viewer, "/web/medical/patients/" + persona("shaho-kazoku").personId());
        String switchedOff = page(portal, switchedOffViewer, "/web/medical/patients/" + persona("kokuho").personId());

        assertThat(consented).contains("id=\"tab-ekarte\"");
        assertThat(drugsOnly).doesNotContain("id=\"tab-ekarte\"").contains("同意がないため閲覧できません");
        assertThat(switchedOff).doesNotContain("id=\"tab-ekarte\"")
                .contains("電子カルテ情報共有サービスを利用する設定になっていません（環境設定）");
    }

    @Test
    void withoutTheClinsConsentTheScreenIsRefusedAndAudited() throws Exception {
        String id = persona("shaho-kazoku").personId();

        MockHttpServletResponse r = open(portal, viewer, "/web/medical/patients/" + id + "/ekarte");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSP3101").contains("電子カルテ情報の同意がありません")
                .doesNotContain("id=\"clins-condition\"");
        assertThat(medicalAudit(portal, viewer.institutionCode()).get(0).outcome())
                .isEqualTo("REFUSED OQSP3101 consent=clins none");
    }

    @Test
    void withTheFacilitysSwitchOffTheScreenIsRefusedAndAudited() throws Exception {
        String id = persona("kokuho").personId();

        MockHttpServletResponse r = open(portal, switchedOffViewer, "/web/medical/patients/" + id + "/ekarte");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSP4001").doesNotContain("高血圧症");
        AuditEvent refusal = medicalAudit(portal, switchedOffViewer.institutionCode()).get(0);
        assertThat(refusal.subject()).isEqualTo("kind=CIP;channel=web;persons=" + id);
        assertThat(refusal.outcome()).isEqualTo("REFUSED OQSP4001");
    }

    @Test
    void aMadeUpPatientIdIsRefusedLikeOneWithoutConsent() throws Exception {
        MockHttpServletResponse r = open(portal, viewer, "/web/medical/patients/NOSUCHPERSON1/ekarte");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSP3101");
    }

    private static void register(String file) throws Exception {
        String json = new String(ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file)).findFirst()
                .orElseThrow().bytes(), StandardCharsets.UTF_8).replace(ExampleCorpus.DEMO_INSTITUTION_CODE, registrar);
        HttpRequest request = HttpRequest.newBuilder(portal.shared().base().resolve("api/v1/clins/bundles"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = registrarClient.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(file + " " + r.body()).isEqualTo(201);
        registered.add(r.body().replaceAll(".*\"identifier\":\"([^\"]+)\".*", "$1"));
    }
}
