package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.population.Personas;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.FacilitySettings;
import org.openoqs.server.testsupport.Api;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 環境設定 (seed chapter 9): an administrator's change is stored, audited with what changed, and changes what the
 * facility gets next — the terminal API reports the new character code, and 医療扶助 off withholds 医療扶助
 * results with the right code. 救急時医療情報閲覧 is for hospitals only.
 */
class EnvironmentSettingsTest {

    static final Map<String, String> DEFAULTS = Map.of("characterCode", "0", "operationInfo", "0",
            "ePrescription", "0", "eKarteSharing", "0", "medicalAssistance", "0", "emergencyInfo", "0",
            "smartphone", "0");

    static PortalFixture portal;
    static PortalFixture.SignedIn clinic;
    static PortalFixture.SignedIn hospital;
    static PortalFixture.SignedIn pharmacy;

    @BeforeAll
    static void administrators() throws Exception {
        portal = PortalFixture.get();
        clinic = portal.administrator(portal.facilityWithMaster("設定テスト診療所", false));
        hospital = portal.administrator(portal.facilityWithMaster("設定テスト病院", true));
        pharmacy = portal.administrator(portal.masterOf(portal.newPharmacy("設定テスト薬局")));
    }

    @Test
    void everyOptInStartsAsNotUsedAndTheFormShowsIt() throws Exception {
        String page = portal.mvc().perform(hospital.as(get("/web/settings"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(portal.server().facilities().get(hospital.institutionCode()).settings())
                .isEqualTo(FacilitySettings.DEFAULTS);
        assertThat(page).containsPattern("id=\"characterCode-utf8\"[^>]*checked")
                .containsPattern("id=\"medicalAssistance-0\"[^>]*checked")
                .contains("電子カルテ情報共有サービス").contains("スマホによる本人確認（カードリーダー使用）");
    }

    @Test
    void shiftJisReachesTheTerminalApiAtOnceAndIsAudited() throws Exception {
        MockHttpServletResponse saved = save(clinic, Map.of("characterCode", "1"));

        assertThat(saved.getRedirectedUrl()).isEqualTo("/web/settings");
        Api.Response facility = Api.get(portal.shared().pki().client(
                portal.shared().pki().issueFacility(clinic.institutionCode())), portal.shared().base(), "api/v1/facility");
        assertThat(facility.json().get("characterCode").asString()).isEqualTo("1");
        assertThat(portal.server().auditLog().recent(clinic.institutionCode(), 3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("SETTINGS_CHANGE");
            assertThat(e.actor()).isEqualTo(clinic.accountId());
            assertThat(e.outcome()).isEqualTo("OK characterCode 0->1");
        });
        save(clinic, Map.of());
    }

    @Test
    void medicalAssistanceOffWithholdsTheRecipientsResultWithItsCode() throws Exception {
        var recipient = Personas.byKey("iryo-fujo").orElseThrow().inquiry();
        MockHttpServletRequestBuilder search = post("/web/inquiry").with(csrf())
                .param("insurerNumber", recipient.insurerNumber().strip())
                .param("insuredCardSymbol", recipient.insuredCardSymbol() == null ? "" : recipient.insuredCardSymbol())
                .param("insuredIdentificationNumber", recipient.insuredIdentificationNumber())
                .param("insuredBranchNumber", recipient.insuredBranchNumber() == null ? "" : recipient.insuredBranchNumber())
                .param("birthdate", recipient.birthdate());

        save(hospital, Map.of("medicalAssistance", "0"));
        String off = portal.mvc().perform(hospital.as(search)).andReturn().getResponse().getContentAsString();
        save(hospital, Map.of("medicalAssistance", "1"));
        String on = portal.mvc().perform(hospital.as(search)).andReturn().getResponse().getContentAsString();

        assertThat(off).contains(ErrorCode.MEDICAL_ASSISTANCE_NOT_ENABLED.code()).doesNotContain("資格情報確認");
        assertThat(on).contains("資格情報確認").doesNotContain(ErrorCode.MEDICAL_ASSISTANCE_NOT_ENABLED.code());
        save(hospital, Map.of());
    }

    @Test
    void emergencyInformationIsRefusedForClinicsAndPharmaciesAndSavedForHospitals() throws Exception {
        MockHttpServletResponse clinicTry = save(clinic, Map.of("emergencyInfo", "1"));
        MockHttpServletResponse pharmacyTry = save(pharmacy, Map.of("emergencyInfo", "1"));
        MockHttpServletResponse hospitalTry = save(hospital, Map.of("emergencyInfo", "1"));

        assertThat(clinicTry.getStatus()).isEqualTo(400);
        assertThat(clinicTry.getContentAsString()).contains("OQSF5001").contains("病院である医療機関のみ利用できます")
                .contains("診療所");
        assertThat(portal.server().auditLog().recent(clinic.institutionCode(), 3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("SETTINGS_CHANGE");
            assertThat(e.outcome()).startsWith("REFUSED OQSF5001");
        });
        assertThat(pharmacyTry.getContentAsString()).contains("この医療機関等は薬局です");
        assertThat(portal.server().facilities().get(clinic.institutionCode()).settings().emergencyInfo()).isFalse();
        assertThat(hospitalTry.getRedirectedUrl()).isEqualTo("/web/settings");
        assertThat(portal.server().facilities().get(hospital.institutionCode()).settings().emergencyInfo()).isTrue();
        save(hospital, Map.of());
    }

    @Test
    void everyOptInAndThePrescriptionUseAreStored() throws Exception {
        save(hospital, Map.of("operationInfo", "1", "ePrescription", "2", "eKarteSharing", "1",
                "medicalAssistance", "1", "smartphone", "1"));

        FacilitySettings s = portal.server().facilities().get(hospital.institutionCode()).settings();
        assertThat(s.operationInfo()).isTrue();
        assertThat(s.ePrescription()).isEqualTo(EPrescriptionUse.ELECTRONIC_AND_PAPER);
        assertThat(s.eKarteSharing()).isTrue();
        assertThat(s.medicalAssistance()).isTrue();
        assertThat(s.smartphone()).isTrue();
        save(hospital, Map.of());
    }

    @Test
    void valuesThatAreNotCodesAreRefusedFieldByField() throws Exception {
        MockHttpServletResponse r = save(clinic, Map.of("characterCode", "2", "smartphone", "yes",
                "ePrescription", "9"));

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("文字コードは UTF-8 または Shift_JIS を選択してください")
                .contains("スマホによる本人確認（カードリーダー使用）の「利用する」「利用しない」を選択してください")
                .contains("電子処方箋管理サービスの利用区分を選択してください");
    }

    /** Posts the settings form: the defaults, overridden by {@code changes}. */
    private static MockHttpServletResponse save(PortalFixture.SignedIn admin, Map<String, String> changes)
            throws Exception {
        MockHttpServletRequestBuilder form = post("/web/settings").with(csrf());
        DEFAULTS.forEach((name, value) -> form.param(name, changes.getOrDefault(name, value)));
        return portal.mvc().perform(admin.as(form)).andReturn().getResponse();
    }
}
