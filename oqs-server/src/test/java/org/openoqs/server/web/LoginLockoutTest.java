package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.account.PasswordPolicy;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Repeated failed sign-ins lock an account (message with ロック) until its manager unlocks it; the right password
 * does not get past a lock; and an unknown ID is answered exactly like a known one — same messages, same lock —
 * so the login screen never tells which IDs exist.
 */
class LoginLockoutTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("ロックテスト診療所", false));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheRightOneNoLongerHelps() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        for (int i = 1; i < PasswordPolicy.LOCK_AFTER; i++) {
            assertThat(failedLoginMessage(id, "wrong-" + i)).isEqualTo(EntryController.BAD_CREDENTIALS);
        }

        assertThat(failedLoginMessage(id, "wrong-last")).contains("ロック").isEqualTo(EntryController.LOCKED);
        assertThat(failedLoginMessage(id, clerk.password())).contains("ロック");
        assertThat(portal.accounts().find(admin.institutionCode(), id)).hasValueSatisfying(a -> {
            assertThat(a.locked()).isTrue();
            assertThat(a.statusLabel()).isEqualTo("ロック中");
        });
        assertThat(lastAuditOf(id).outcome()).isEqualTo("REFUSED LOCKED");
    }

    @Test
    void theAdministratorUnlocksAndTheAccountSignsInAgain() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        for (int i = 0; i < PasswordPolicy.LOCK_AFTER; i++) {
            failedLoginMessage(id, "wrong-" + i);
        }

        MvcResult unlock = portal.mvc().perform(admin.as(post("/web/accounts/" + id + "/unlock")).with(csrf()))
                .andReturn();

        assertThat(unlock.getResponse().getRedirectedUrl()).isEqualTo("/web/accounts");
        MvcResult login = portal.login(admin.institutionCode(), id, clerk.password());
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/web/password/change");
        assertThat(lastAuditOf(id).action()).isEqualTo("WEB_LOGIN");
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        IssuedPassword clerk = newClerk();
        String id = clerk.account().accountId();
        for (int i = 1; i < PasswordPolicy.LOCK_AFTER; i++) {
            failedLoginMessage(id, "wrong-" + i);
        }
        portal.login(admin.institutionCode(), id, clerk.password());

        assertThat(failedLoginMessage(id, "wrong-again")).isEqualTo(EntryController.BAD_CREDENTIALS);
        assertThat(portal.accounts().find(admin.institutionCode(), id).orElseThrow().failedAttempts()).isEqualTo(1);
    }

    @Test
    void anUnknownIdIsAnsweredLikeAKnownOneIncludingTheLock() throws Exception {
        String unknown = "U99999";
        for (int i = 1; i < PasswordPolicy.LOCK_AFTER; i++) {
            assertThat(failedLoginMessage(unknown, "whatever")).isEqualTo(EntryController.BAD_CREDENTIALS);
        }

        assertThat(failedLoginMessage(unknown, "whatever")).isEqualTo(EntryController.LOCKED);
        assertThat(lastAuditOf(unknown).outcome()).isEqualTo("REFUSED UNKNOWN_ID");
    }

    @Test
    void aDisabledAccountCannotSignInAndLooksLikeAWrongPassword() throws Exception {
        IssuedPassword clerk = newClerk();
        portal.accounts().setEnabled(new AccountActor(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN),
                clerk.account().accountId(), false);

        assertThat(failedLoginMessage(clerk.account().accountId(), clerk.password()))
                .isEqualTo(EntryController.BAD_CREDENTIALS);
    }

    private IssuedPassword newClerk() {
        return portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN, AccountKind.GENERAL, "受付 花子");
    }

    /** Signs in with a wrong (or right) password and returns the message the login page then shows. */
    private String failedLoginMessage(String id, String password) throws Exception {
        MvcResult login = portal.login(admin.institutionCode(), id, password);
        String target = login.getResponse().getRedirectedUrl();
        assertThat(target).startsWith("/web/login?error=");
        String page = portal.mvc().perform(get(target).with(portal.certificateOf(admin.institutionCode())))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"login-error\"");
        return page.contains(EntryController.LOCKED) ? EntryController.LOCKED
                : page.contains(EntryController.BAD_CREDENTIALS) ? EntryController.BAD_CREDENTIALS : page;
    }

    private static AuditEvent lastAuditOf(String actor) {
        return portal.server().auditLog().recent(admin.institutionCode(), 50).stream()
                .filter(e -> e.actor().equals(actor)).findFirst().orElseThrow();
    }
}
