package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each account type may open and do only what the seed gives it, decided by the server on every request (a
 * hidden button is no protection): direct URLs and forged form posts are refused with 403 and audited.
 */
class RoleAccessTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn master;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn general;
    static PortalFixture.SignedIn viewer;

    @BeforeAll
    static void accounts() throws Exception {
        portal = PortalFixture.get();
        master = portal.facilityWithMaster("権限テスト病院", true);
        admin = portal.administrator(master);
        general = portal.person(admin, AccountKind.GENERAL, "受付 四郎");
        viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "医師 五郎");
    }

    @Test
    void aGeneralAccountCannotOpenAccountManagementSettingsOrAudit() throws Exception {
        for (String path : new String[] {"/web/accounts", "/web/settings", "/web/audit"}) {
            assertRefusedByRole(status(general, get(path)), path);
        }
        assertThat(portal.server().auditLog().recent(general.institutionCode(), 5)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(general.accountId());
            assertThat(e.action()).isEqualTo("WEB_ACCESS_REFUSED");
            assertThat(e.outcome()).isEqualTo("REFUSED ROLE GENERAL");
        });
    }

    @Test
    void aGeneralAccountCannotCreateAccountsByPostingTheFormItself() throws Exception {
        MockHttpServletResponse r = status(general, post("/web/accounts").with(csrf())
                .param("kind", "ADMIN").param("displayName", "なりすまし"));

        assertRefusedByRole(r, "POST /web/accounts");
        assertThat(portal.accounts().managedBy(new AccountActor(master.institutionCode(), master.accountId(),
                AccountKind.MASTER))).noneMatch(a -> "なりすまし".equals(a.displayName()));
    }

    @Test
    void generalAndViewerAccountsUseTheManualInquiryAndTheMenu() throws Exception {
        assertThat(status(general, get("/web/inquiry")).getStatus()).isEqualTo(200);
        assertThat(status(viewer, get("/web/inquiry")).getStatus()).isEqualTo(200);
        assertThat(status(general, get("/web/medical")).getStatus()).isEqualTo(200);
        assertThat(status(viewer, get("/web/medical")).getStatus()).isEqualTo(200);
        assertThat(status(viewer, get("/web/menu")).getContentAsString()).contains("医療情報閲覧");
        assertRefusedByRole(status(viewer, get("/web/accounts")), "/web/accounts");
        String menu = status(general, get("/web/menu")).getContentAsString();
        assertThat(menu).contains("資格確認書／処方箋で確認").doesNotContain("アカウント管理").doesNotContain("環境設定");
    }

    @Test
    void theMasterManagesAdministratorsOnlyAndHasNoSettingsOrInquiry() throws Exception {
        assertThat(status(master, get("/web/accounts")).getStatus()).isEqualTo(200);
        assertThat(status(master, get("/web/audit")).getStatus()).isEqualTo(200);
        assertRefusedByRole(status(master, get("/web/settings")), "/web/settings");
        assertRefusedByRole(status(master, get("/web/inquiry")), "/web/inquiry");
        assertRefusedByRole(status(master, get("/web/medical")), "/web/medical");
        assertThat(status(master, get("/web/menu")).getContentAsString()).doesNotContain("医療情報閲覧");

        MockHttpServletResponse general = status(master, post("/web/accounts").with(csrf())
                .param("kind", "GENERAL").param("displayName", "受付 六郎"));
        assertThat(general.getStatus()).isEqualTo(403);
        assertThat(general.getContentAsString()).contains("マスタアカウントは一般アカウントを作成できません");

        MockHttpServletResponse adminCreated = status(master, post("/web/accounts").with(csrf())
                .param("kind", "ADMIN").param("displayName", "管理 七子"));
        assertThat(adminCreated.getStatus()).isEqualTo(200);
        assertThat(adminCreated.getContentAsString()).contains("管理アカウント").contains("初期パスワード");
    }

    @Test
    void anAdministratorCannotManageAnotherAdministratorOrTheMaster() throws Exception {
        MockHttpServletResponse createAdmin = status(admin, post("/web/accounts").with(csrf())
                .param("kind", "ADMIN").param("displayName", "管理 八郎"));
        MockHttpServletResponse resetMaster = status(admin,
                post("/web/accounts/" + master.accountId() + "/reset-password").with(csrf()));

        assertThat(createAdmin.getStatus()).isEqualTo(403);
        assertThat(createAdmin.getContentAsString()).contains("管理アカウントは管理アカウントを作成できません");
        assertThat(resetMaster.getStatus()).isEqualTo(403);
        assertThat(resetMaster.getContentAsString()).contains("マスタアカウントを操作できません");
    }

    @Test
    void theAdministratorCreatesEveryAccountTypeBelowIt() throws Exception {
        for (AccountKind kind : AccountKind.ADMIN.manages()) {
            MockHttpServletResponse r = status(admin, post("/web/accounts").with(csrf())
                    .param("kind", kind.name()).param("displayName", "作成テスト " + kind));
            assertThat(r.getStatus()).as(kind.name()).isEqualTo(200);
            assertThat(r.getContentAsString()).as(kind.name())
                    .containsPattern("id=\"issued-id\"[^>]*>" + kind.idPrefix() + "\\d{5}<");
        }
    }

    @Test
    void anUnknownAccountTypeIsABadRequestNotACrash() throws Exception {
        MockHttpServletResponse r = status(admin, post("/web/accounts").with(csrf())
                .param("kind", "ROOT").param("displayName", "x"));

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("種類を選択してください");
    }

    /**
     * Refused by the URL rules: 403, rendered by the refusal page (MockMvc records the forward instead of following
     * it; the page's text is checked in the browser test).
     */
    private static void assertRefusedByRole(MockHttpServletResponse r, String what) {
        assertThat(r.getStatus()).as(what).isEqualTo(403);
        assertThat(r.getForwardedUrl()).as(what).isEqualTo("/web/refused");
    }

    private static MockHttpServletResponse status(PortalFixture.SignedIn who, MockHttpServletRequestBuilder request)
            throws Exception {
        return portal.mvc().perform(who.as(request)).andReturn().getResponse();
    }
}
