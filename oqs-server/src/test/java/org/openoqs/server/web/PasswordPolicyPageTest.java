package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.PasswordPolicy;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The password change screen refuses every password that breaks the policy, naming each broken rule in Japanese,
 * and keeps the old password in force; the voluntary change also wants the current password.
 */
class PasswordPolicyPageTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn clerk;

    @BeforeAll
    static void signedInClerk() throws Exception {
        portal = PortalFixture.get();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("ポリシーテスト診療所", false));
        clerk = portal.person(admin, AccountKind.GENERAL, "受付 三郎");
    }

    @Test
    void tooShortAndTooFewCharacterClassesAreBothReported() throws Exception {
        MockHttpServletResponse r = change(PortalFixture.GOOD_PASSWORD, "abc12", "abc12");

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("8文字以上64文字以内").contains("3種類以上");
    }

    @Test
    void aPasswordContainingTheAccountIdIsRefused() throws Exception {
        String withId = "Xx#" + clerk.accountId() + "9";
        assertThat(change(PortalFixture.GOOD_PASSWORD, withId, withId).getContentAsString())
                .contains("アカウントIDを含めることはできません");
    }

    @Test
    void theConfirmationMustMatch() throws Exception {
        assertThat(change(PortalFixture.GOOD_PASSWORD, "Momiji#2026a", "Momiji#2026b").getContentAsString())
                .contains("新パスワード（確認）が一致しません");
    }

    @Test
    void fullWidthCharactersAreRefused() throws Exception {
        assertThat(change(PortalFixture.GOOD_PASSWORD, "Ｐａｓｓ＃２０２６ab", "Ｐａｓｓ＃２０２６ab").getContentAsString())
                .contains("半角英数字と半角記号のみ");
    }

    @Test
    void theCurrentAndRecentPasswordsCannotBeReused() throws Exception {
        assertThat(change(PortalFixture.GOOD_PASSWORD, PortalFixture.GOOD_PASSWORD, PortalFixture.GOOD_PASSWORD)
                .getContentAsString()).contains(PasswordPolicy.reuseMessage());

        assertThat(change(PortalFixture.GOOD_PASSWORD, "Kaede#2026a", "Kaede#2026a").getContentAsString())
                .contains("パスワードを変更しました");
        assertThat(change("Kaede#2026a", PortalFixture.GOOD_PASSWORD, PortalFixture.GOOD_PASSWORD).getContentAsString())
                .contains(PasswordPolicy.reuseMessage());
        assertThat(change("Kaede#2026a", "Tsubaki#2026b", "Tsubaki#2026b").getContentAsString())
                .contains("パスワードを変更しました");
        assertThat(change("Tsubaki#2026b", PortalFixture.GOOD_PASSWORD, PortalFixture.GOOD_PASSWORD).getStatus())
                .isEqualTo(400);
        change("Tsubaki#2026b", PortalFixture.GOOD_PASSWORD + "x", PortalFixture.GOOD_PASSWORD + "x");
        assertThat(portal.login(clerk.institutionCode(), clerk.accountId(), PortalFixture.GOOD_PASSWORD + "x")
                .getResponse().getRedirectedUrl()).isIn("/web/menu", "/web/notices");
    }

    @Test
    void theVoluntaryChangeChecksTheCurrentPassword() throws Exception {
        MockHttpServletResponse r = change("not-my-password", "Hinoki#2026c", "Hinoki#2026c");

        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains("現在のパスワードが正しくありません");
    }

    private static MockHttpServletResponse change(String current, String next, String confirmation) throws Exception {
        return portal.mvc().perform(clerk.as(post("/web/password/change")).with(csrf())
                .param("currentPassword", current).param("newPassword", next).param("confirmPassword", confirmation))
                .andReturn().getResponse();
    }
}
