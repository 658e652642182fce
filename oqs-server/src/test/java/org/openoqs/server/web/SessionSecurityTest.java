package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.web.security.PortalSecurity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The session around a sign-in: forms need their CSRF token (a forged one is refused and audited), the session cookie is Secure, HttpOnly and
 * SameSite=Strict (checked over real HTTPS), the session times out after the configured idle time and then
 * sends the user to the login page with a message, and logout ends it (audited).
 */
class SessionSecurityTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("セッションテスト診療所", false));
    }

    @Test
    void aFormPostedWithAForgedCsrfTokenIsRefusedAndNotExecuted() throws Exception {
        portal.mvc().perform(admin.as(get("/web/accounts"))).andReturn(); // the page that holds the real token

        MockHttpServletResponse r = portal.mvc().perform(admin.as(post("/web/accounts")).with(csrf().useInvalidToken())
                .param("kind", "GENERAL").param("displayName", "CSRF 偽造")).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getForwardedUrl()).isEqualTo("/web/refused");
        assertThat(portal.accounts().managedBy(new AccountActor(admin.institutionCode(), admin.accountId(),
                AccountKind.ADMIN))).noneMatch(a -> "CSRF 偽造".equals(a.displayName()));
        assertThat(portal.server().auditLog().recent(admin.institutionCode(), 5)).anySatisfy(e ->
                assertThat(e.outcome()).isEqualTo("REFUSED CSRF"));
    }

    @Test
    void aLoginPostedWithoutAnyCsrfTokenDoesNotSignIn() throws Exception {
        MvcResult login = portal.mvc().perform(post("/web/login").with(portal.certificateOf(admin.institutionCode()))
                .param("accountId", admin.accountId()).param("password", PortalFixture.GOOD_PASSWORD)).andReturn();

        assertThat(login.getResponse().getRedirectedUrl()).startsWith("/web/login");
        assertThat(login.getRequest().getSession(false) == null || login.getRequest().getSession(false)
                .getAttribute("SPRING_SECURITY_CONTEXT") == null).isTrue();
    }

    @Test
    void theSessionIdlesOutAfterTheConfiguredTimeAndAnExpiredOneGoesToTheLoginPage() throws Exception {
        MockHttpSession session = portal.signedIn(admin.institutionCode(), admin.accountId(), PortalFixture.GOOD_PASSWORD);
        long timeout = portal.server().bean(PortalSecurity.class).sessionTimeout().toSeconds();

        MvcResult expired = portal.mvc().perform(get("/web/menu").with(portal.certificateOf(admin.institutionCode()))
                .with(request -> {
                    request.setRequestedSessionId("expired-session");
                    request.setRequestedSessionIdValid(false);
                    return request;
                })).andReturn();

        assertThat(session.getMaxInactiveInterval()).isEqualTo(timeout).isEqualTo(30 * 60);
        assertThat(expired.getResponse().getRedirectedUrl()).isEqualTo("/web/login?timeout");
        assertThat(portal.mvc().perform(get("/web/login").param("timeout", "")
                .with(portal.certificateOf(admin.institutionCode()))).andReturn().getResponse().getContentAsString())
                .contains(EntryController.TIMED_OUT);
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() throws Exception {
        MockHttpSession session = portal.signedIn(admin.institutionCode(), admin.accountId(), PortalFixture.GOOD_PASSWORD);

        MvcResult logout = portal.mvc().perform(post("/web/logout").session(session).with(csrf())
                .with(portal.certificateOf(admin.institutionCode()))).andReturn();

        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/web/login?logout");
        assertThat(session.isInvalid()).isTrue();
        assertThat(portal.server().auditLog().recent(admin.institutionCode(), 3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("WEB_LOGOUT");
            assertThat(e.actor()).isEqualTo(admin.accountId());
        });
    }

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndStrict() throws Exception {
        HttpClient browser = portal.shared().pki().client(portal.shared().pki().issueFacility(admin.institutionCode()));
        URI login = portal.shared().base().resolve("web/login");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1) + "&accountId=" + admin.accountId()
                        + "&password=" + PortalFixture.GOOD_PASSWORD.replace("#", "%23"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(signIn.statusCode()).isEqualTo(302);
        List<String> cookies = signIn.headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure").contains("HttpOnly")
                .contains("SameSite=Strict"));
        assertThat(signIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'none'").contains("frame-ancestors 'none'"));
    }
}
