package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.emergency.EmergencyViewing;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The 救急用サマリー of a patient who never consented to the hospital: found by insurance key, shown with a banner —
 * 薬剤情報, 診療情報 (傷病名, 手術) and the 電子カルテ情報 another facility registered — audited with the account, the
 * patient and the reason, and listed in the hospital's 操作履歴 under 救急時医療情報閲覧. The consent-based screens
 * still refuse the same patient.
 */
class EmergencySummaryTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn viewer;
    static String registrar;
    static final Person ICHIRO = Personas.byKey("kokuho").orElseThrow().person();

    @BeforeAll
    static void hospitalViewerAndRegisteredClinsItems() throws Exception {
        portal = PortalFixture.get();
        admin = EmergencyTestSupport.hospitalAdministrator(portal, "サマリーテスト病院");
        viewer = EmergencyTestSupport.viewer(portal, admin, true);
        EmergencyTestSupport.enrolled(portal, viewer);
        registrar = portal.newFacility("サマリーテスト登録元医院", false);
        HttpClient client = portal.shared().pki().client(portal.shared().pki().issueFacility(registrar));
        String json = new String(ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals("condition-kokuho.json"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8)
                .replace(ExampleCorpus.DEMO_INSTITUTION_CODE, registrar);
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(portal.shared().base()
                        .resolve("api/v1/clins/bundles")).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    @Test
    void theSummaryIsShownWithoutConsentUnderABannerAndAudited() throws Exception {
        MockHttpServletResponse r = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", ""));
        String page = r.getContentAsString();

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(page).contains("id=\"emergency-banner\"").contains("救急時医療情報閲覧（患者の同意なし）")
                .contains("意識障害等により本人の同意を得られない").contains(ICHIRO.name());
        assertThat(page).contains("id=\"drug-table\"").contains("id=\"diagnosis-table\"");
        assertThat(page).contains("id=\"clins-table\"").contains("高血圧症").contains(registrar);
        assertThat(page).doesNotContain("胃癌"); // a 疑い病名 of the same Bundle is never shown
        assertThat(EmergencyTestSupport.audit(portal, admin.institutionCode(), EmergencyViewing.ACTION)).first()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(viewer.accountId());
                    assertThat(e.subject()).isEqualTo("persons=" + ICHIRO.personId() + ";channel=web;reason=1");
                    assertThat(e.outcome()).startsWith("OK summary dispensings=").contains(" clins=");
                });
    }

    @Test
    void aWrittenReasonIsAuditedWithTheView() throws Exception {
        MockHttpServletResponse r = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "9", "救急搬送時に家族不在のため"));

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsString()).contains("その他（具体的な理由を記入）：救急搬送時に家族不在のため");
        assertThat(EmergencyTestSupport.audit(portal, admin.institutionCode(), EmergencyViewing.ACTION)).first()
                .satisfies(e -> assertThat(e.subject()).isEqualTo("persons=" + ICHIRO.personId()
                        + ";channel=web;reason=9:救急搬送時に家族不在のため"));
    }

    @Test
    void theFacilitysAuditViewListsItUnderItsOwnAction() throws Exception {
        EmergencyTestSupport.send(portal, viewer, EmergencyTestSupport.summary("kokuho", "2", ""));

        String history = EmergencyTestSupport.send(portal, admin, get("/web/audit").param("action", "EMERGENCY_VIEW"))
                .getContentAsString();

        assertThat(history).contains("救急時医療情報閲覧").contains(viewer.accountId())
                .contains("persons=" + ICHIRO.personId() + ";channel=web;reason=2").contains("OK summary");
        assertThat(history).contains("<option value=\"EMERGENCY_VIEW\"");
    }

    @Test
    void theConsentScreensStillRefuseThePatient() throws Exception {
        MockHttpServletResponse r = EmergencyTestSupport.send(portal, viewer,
                get("/web/medical/patients/" + ICHIRO.personId() + "/drugs"));

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSP3101");
        assertThat(EmergencyTestSupport.send(portal, viewer, get("/web/medical")).getContentAsString())
                .doesNotContain(ICHIRO.personId());
    }

    @Test
    void theMenuOffersItOnlyToAccountsHoldingThePermission() throws Exception {
        PortalFixture.SignedIn without = EmergencyTestSupport.viewer(portal, admin, false);

        assertThat(EmergencyTestSupport.send(portal, viewer, get("/web/menu")).getContentAsString())
                .contains("救急時医療情報閲覧").contains("href=\"/web/emergency\"");
        assertThat(List.of(EmergencyTestSupport.send(portal, without, get("/web/menu")).getContentAsString()))
                .noneMatch(p -> p.contains("href=\"/web/emergency\""));
    }
}
