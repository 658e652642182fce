package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.web.security.PortalSessionTermination;

/**
 * The attack of the review: a person signs in to the portal (real HTTPS, session cookie, CSRF), then their account
 * is disabled or its password re-issued by the administrator — and they go on using the session they already have
 * to run inquiries. Now the change ends the account's portal sessions in its transaction: the old cookie is sent
 * to the login page, and the session's row is gone. A person who changes their own password keeps the session
 * they changed it in and loses every other one.
 */
class EndedAccountsLoseTheirPortalSessionsTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalSessionRows rows;
    static URI server;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("セッション終了テスト診療所", false));
        rows = new PortalSessionRows(portal.server());
        server = portal.shared().base();
    }

    @Test
    void disablingAnAccountEndsItsOpenSession() throws Exception {
        Clerk clerk = signedInClerk("受付 停止");
        assertThat(clerk.browser.get(server, "web/inquiry").statusCode()).isEqualTo(200);

        adminPosts("/web/accounts/" + clerk.id + "/disable");

        assertRefused(clerk);
        assertThat(lastSessionEnd(clerk.id).outcome()).isEqualTo("ENDED DISABLED sessions=1");
    }

    @Test
    void reissuingThePasswordEndsItsOpenSession() throws Exception {
        Clerk clerk = signedInClerk("受付 再発行");
        assertThat(clerk.browser.get(server, "web/inquiry").statusCode()).isEqualTo(200);

        adminPosts("/web/accounts/" + clerk.id + "/reset-password");

        assertRefused(clerk);
        assertThat(lastSessionEnd(clerk.id).outcome()).isEqualTo("ENDED PASSWORD_RESET sessions=1");
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() throws Exception {
        Clerk clerk = signedInClerk("受付 変更");
        PortalBrowser elsewhere = browserOf();
        assertThat(elsewhere.signIn(server, clerk.id, PortalFixture.GOOD_PASSWORD).headers().firstValue("Location")
                .orElseThrow()).doesNotContain("error");
        assertThat(elsewhere.get(server, "web/inquiry").statusCode()).isEqualTo(200);

        clerk.browser.get(server, "web/password/change");
        HttpResponse<String> changed = clerk.browser.post(server, "web/password/change", Map.of(
                "currentPassword", PortalFixture.GOOD_PASSWORD, "newPassword", "Sora#2026kawa",
                "confirmPassword", "Sora#2026kawa"));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(clerk.browser.get(server, "web/inquiry").statusCode()).isEqualTo(200);
        assertRefused(new Clerk(clerk.id, elsewhere, elsewhere.sessionId()));
        assertThat(rows.exists(clerk.browser.sessionId())).isTrue();
        assertThat(lastSessionEnd(clerk.id).outcome()).isEqualTo("ENDED PASSWORD_CHANGED sessions=1");
    }

    private record Clerk(String id, PortalBrowser browser, String sessionId) {
    }

    /** A general account created by the administrator, signed in over HTTPS, forced password change done. */
    private static Clerk signedInClerk(String name) throws Exception {
        IssuedPassword issued = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.GENERAL, name);
        String id = issued.account().accountId();
        PortalBrowser browser = browserOf();
        HttpResponse<String> signIn = browser.signIn(server, id, issued.password());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/web/password/change");
        browser.get(server, "web/password/change");
        HttpResponse<String> forced = browser.post(server, "web/password/change", Map.of(
                "newPassword", PortalFixture.GOOD_PASSWORD, "confirmPassword", PortalFixture.GOOD_PASSWORD));
        assertThat(forced.statusCode()).isEqualTo(302);
        assertThat(rows.exists(browser.sessionId())).isTrue();
        return new Clerk(id, browser, browser.sessionId());
    }

    private static PortalBrowser browserOf() {
        return new PortalBrowser(portal.shared().pki().client(portal.shared().pki().issueFacility(
                admin.institutionCode())));
    }

    private static void adminPosts(String path) throws Exception {
        int status = portal.mvc().perform(admin.as(post(path)).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as(path).isBetween(200, 399);
    }

    /** The old cookie opens nothing any more: the inquiry screen sends it to the login page; its row is gone. */
    private static void assertRefused(Clerk clerk) throws Exception {
        assertThat(rows.exists(clerk.sessionId)).as("session row").isFalse();
        PortalBrowser stale = browserOf();
        stale.presentSession(clerk.sessionId);
        HttpResponse<String> inquiry = stale.get(server, "web/inquiry");
        assertThat(inquiry.statusCode()).isEqualTo(302);
        assertThat(inquiry.headers().firstValue("Location").orElseThrow()).contains("/web/login");
        HttpResponse<String> medical = stale.get(server, "web/medical");
        assertThat(medical.statusCode()).isEqualTo(302);
        assertThat(medical.body()).doesNotContain("医療情報閲覧");
    }

    private static AuditEvent lastSessionEnd(String accountId) {
        return portal.server().auditLog().recent(admin.institutionCode(), 50).stream()
                .filter(e -> e.action().equals(PortalSessionTermination.ACTION))
                .filter(e -> e.subject().equals("account=" + accountId)).findFirst().orElseThrow();
    }
}
