package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.homecare.HomeCareUrlService;
import org.openoqs.server.subsidy.MedicalSubsidySettings;

/**
 * The two 環境設定 pages of this feature set: 医療費助成情報 (PMH opt-in, stored and audited) and 医療機関別 URL 取得・変更
 * (both マイナ在宅受付Web URLs with their QR codes, 「URLを変更する」 replaces one); administrators only.
 */
class HomeCareAndSubsidySettingsPagesTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn general;

    @BeforeAll
    static void accounts() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("居宅・助成テスト診療所", false));
        general = portal.person(admin, AccountKind.GENERAL, "一般 花子");
    }

    @Test
    void theAdministratorOptsInToMedicalSubsidiesAndItIsAudited() throws Exception {
        String page = portal.mvc().perform(admin.as(get("/web/settings/medical-subsidy"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).containsPattern("id=\"medicalSubsidy-0\"[^>]*checked");

        var saved = portal.mvc().perform(admin.as(post("/web/settings/medical-subsidy").with(csrf())
                .param("medicalSubsidy", "1"))).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/web/settings/medical-subsidy");
        assertThat(portal.server().bean(MedicalSubsidySettings.class).enabled(admin.institutionCode())).isTrue();
        assertThat(portal.server().auditLog().recent(admin.institutionCode(), 3))
                .anySatisfy(e -> assertThat(e.outcome()).isEqualTo("OK medicalSubsidy 0->1"));

        var bad = portal.mvc().perform(admin.as(post("/web/settings/medical-subsidy").with(csrf())
                .param("medicalSubsidy", "yes"))).andReturn();
        assertThat(bad.getFlashMap().get("errors")).isNotNull();
        assertThat(portal.server().bean(MedicalSubsidySettings.class).enabled(admin.institutionCode())).isTrue();
    }

    @Test
    void theUrlPageShowsBothCodesAndRegeneratingReplacesTheUrl() throws Exception {
        String page = portal.mvc().perform(admin.as(get("/web/settings/home-care-url"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("訪問診療等", "オンライン診療等", "data:image/png;base64,", "URLを変更する");
        String before = firstUrl(page);
        assertThat(before).contains(HomeCareUrlService.PATH);

        portal.mvc().perform(admin.as(post("/web/settings/home-care-url").with(csrf()).param("setting", "home-visit")));
        String after = firstUrl(portal.mvc().perform(admin.as(get("/web/settings/home-care-url"))).andReturn()
                .getResponse().getContentAsString());
        assertThat(after).isNotEqualTo(before);
        String token = before.substring(before.lastIndexOf('/') + 1);
        assertThat(portal.server().bean(HomeCareUrlService.class).landing(token)).as("the old URL is gone").isEmpty();
    }

    @Test
    void aGeneralAccountCannotOpenEither() throws Exception {
        assertThat(portal.mvc().perform(general.as(get("/web/settings/home-care-url"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(portal.mvc().perform(general.as(get("/web/settings/medical-subsidy"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private static String firstUrl(String page) {
        Matcher m = Pattern.compile("class=\"reception-url\">([^<]+)<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }
}
