package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.account.PasswordPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The seed's chapter 7: the first sign-in with an issued password goes to パスワード変更 (new password twice), and
 * nothing else opens until it is done; an expired password and a long-unused account are sent there too.
 */
class ForcedPasswordChangeTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("パスワード変更テスト診療所", false));
    }

    @Test
    void theFirstSignInGoesToThePasswordChangeAndNothingElseOpens() throws Exception {
        IssuedPassword clerk = newClerk();
        MvcResult login = portal.login(admin.institutionCode(), clerk.account().accountId(), clerk.password());
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/web/password/change");
        String page = portal.mvc().perform(get("/web/password/change").session(session)
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(PasswordPolicy.ChangeReason.ISSUED.message()).contains("新パスワード（確認）")
                .doesNotContain("currentPassword");
        for (String path : new String[] {"/web/menu", "/web/inquiry", "/web/notices"}) {
            MvcResult blocked = portal.mvc().perform(get(path).session(session)
                    .with(portal.certificateOf(admin.institutionCode()))).andReturn();
            assertThat(blocked.getResponse().getRedirectedUrl()).as(path).isEqualTo("/web/password/change");
        }
    }

    @Test
    void afterTheChangeTheAccountHasItsRoleAndTheNewPasswordWorks() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        MvcResult login = portal.login(admin.institutionCode(), id, clerk.password());
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

        MvcResult changed = portal.mvc().perform(post("/web/password/change").session(session).with(csrf())
                .with(portal.certificateOf(admin.institutionCode()))
                .param("newPassword", "Sakura-2026x").param("confirmPassword", "Sakura-2026x")).andReturn();

        assertThat(changed.getResponse().getRedirectedUrl()).isIn("/web/menu", "/web/notices");
        assertThat(portal.mvc().perform(get("/web/inquiry").session(session)
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(portal.login(admin.institutionCode(), id, clerk.password()).getResponse().getRedirectedUrl())
                .startsWith("/web/login?error");
        assertThat(portal.login(admin.institutionCode(), id, "Sakura-2026x").getResponse().getRedirectedUrl())
                .isIn("/web/menu", "/web/notices");
    }

    @Test
    void anExpiredPasswordMustBeChanged() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        portal.signedIn(admin.institutionCode(), id, clerk.password());
        backdate("password_changed_at", id, PasswordPolicy.MAX_AGE.toDays() + 1);

        MvcResult login = portal.login(admin.institutionCode(), id, PortalFixture.GOOD_PASSWORD);

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/web/password/change");
        assertThat(changePage(login)).contains(PasswordPolicy.ChangeReason.EXPIRED.message());
    }

    @Test
    void aLongUnusedAccountMustChangeItsPassword() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        portal.signedIn(admin.institutionCode(), id, clerk.password());
        backdate("last_login_at", id, PasswordPolicy.MAX_INACTIVITY.toDays() + 1);

        MvcResult login = portal.login(admin.institutionCode(), id, PortalFixture.GOOD_PASSWORD);

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/web/password/change");
        assertThat(changePage(login)).contains(PasswordPolicy.ChangeReason.INACTIVE.message());
    }

    @Test
    void machineAccountsKeepTheirIssuedPasswordAndCannotSignInToThePortal() throws Exception {
        IssuedPassword linkage = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.LINKAGE, "受付端末1");

        assertThat(linkage.account().mustChangePassword()).isFalse();
        assertThat(portal.login(admin.institutionCode(), linkage.account().accountId(), linkage.password())
                .getResponse().getRedirectedUrl()).isEqualTo("/web/login?error=credentials");
    }

    private String changePage(MvcResult login) throws Exception {
        return portal.mvc().perform(get("/web/password/change").session((MockHttpSession) login.getRequest().getSession(false))
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getContentAsString();
    }

    private IssuedPassword newClerk() {
        return portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN, AccountKind.GENERAL, "受付 一郎");
    }

    private static void backdate(String column, String accountId, long days) {
        Instant past = Instant.now().minus(days, ChronoUnit.DAYS);
        portal.server().bean(JdbcClient.class)
                .sql("update web_account set " + column + " = ? where institution_code = ? and account_id = ?")
                .params(OffsetDateTime.ofInstant(past, ZoneOffset.UTC), admin.institutionCode(), accountId).update();
    }
}
