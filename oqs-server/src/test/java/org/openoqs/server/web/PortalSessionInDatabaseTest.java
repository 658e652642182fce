package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.web.security.PortalSecurity;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.context.SecurityContext;

/**
 * A portal session is a row of the database (Spring Session JDBC, {@code V60__portal_sessions.sql}), over real
 * HTTPS with the facility certificate: the login page's anonymous session is a row; signing in replaces it by a row
 * under a new id that holds the signed-in user (serialized, as another server instance reads it back) and the idle
 * timeout; logout deletes the row with its attributes, and the old cookie then goes to the login page; a row idle
 * past the timeout is refused and deleted. Runs on H2, and on PostgreSQL in the second Surefire execution.
 */
class PortalSessionInDatabaseTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn master;
    static PortalSessionRows rows;
    static URI server;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        master = portal.facilityWithMaster("セッション保存テスト診療所", false);
        rows = new PortalSessionRows(portal.server());
        server = portal.shared().base();
    }

    private static PortalBrowser browser() {
        return new PortalBrowser(portal.shared().pki().client(portal.shared().pki().issueFacility(
                master.institutionCode())));
    }

    @Test
    void signingInReplacesTheAnonymousRowByOneUnderANewIdHoldingTheUser() throws Exception {
        PortalBrowser browser = browser();
        assertThat(browser.get(server, "web/login").statusCode()).isEqualTo(200);
        String anonymous = browser.sessionId();
        assertThat(anonymous).as("the login form's CSRF token lives in a session").isNotNull();
        assertThat(rows.find(anonymous)).hasValueSatisfying(row -> assertThat(row.principalName()).isNull());

        HttpResponse<String> signIn = browser.post(server, "web/login",
                Map.of("accountId", master.accountId(), "password", PortalFixture.GOOD_PASSWORD));

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String signedIn = browser.sessionId();
        assertThat(signedIn).isNotNull().isNotEqualTo(anonymous);
        assertThat(rows.exists(anonymous)).as("session fixation: the anonymous id is gone").isFalse();
        long timeout = portal.server().bean(PortalSecurity.class).sessionTimeout().toSeconds();
        assertThat(rows.find(signedIn)).hasValueSatisfying(row -> {
            assertThat(row.principalName()).isEqualTo(master.institutionCode() + "/" + master.accountId());
            assertThat(row.maxInactiveInterval()).isEqualTo(timeout).isEqualTo(30 * 60);
            assertThat(row.expiryTime() - row.lastAccessTime()).isEqualTo(timeout * 1000);
        });
        SecurityContext context = (SecurityContext) rows.attribute(signedIn, "SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOfSatisfying(PortalUser.class, user -> {
            assertThat(user.institutionCode()).isEqualTo(master.institutionCode());
            assertThat(user.accountId()).isEqualTo(master.accountId());
        });
        assertThat(browser.get(server, "web/menu").statusCode()).isEqualTo(200);
    }

    @Test
    void logoutDeletesTheRowAndTheOldCookieThenGoesToTheLoginPage() throws Exception {
        PortalBrowser browser = browser();
        browser.signIn(server, master.accountId(), PortalFixture.GOOD_PASSWORD);
        HttpResponse<String> menu = browser.get(server, "web/menu");
        assertThat(menu.statusCode()).isEqualTo(200);
        String session = browser.sessionId();
        String primaryId = rows.find(session).orElseThrow().primaryId();
        assertThat(rows.attributeCount(primaryId)).isPositive();

        HttpResponse<String> logout = browser.post(server, "web/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?logout");
        assertThat(browser.sessionId()).as("the cookie is cleared").isNull();
        assertThat(rows.exists(session)).isFalse();
        assertThat(rows.attributeCount(primaryId)).isZero();

        browser.presentSession(session);
        HttpResponse<String> again = browser.get(server, "web/menu");
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?timeout");
    }

    @Test
    void aSessionIdlePastTheTimeoutIsRefusedAndDeleted() throws Exception {
        PortalBrowser browser = browser();
        browser.signIn(server, master.accountId(), PortalFixture.GOOD_PASSWORD);
        String session = browser.sessionId();
        rows.idle(session, Duration.ofMinutes(29));
        assertThat(browser.get(server, "web/menu").statusCode()).as("29 minutes idle: still signed in").isEqualTo(200);

        rows.idle(session, Duration.ofMinutes(31));
        HttpResponse<String> menu = browser.get(server, "web/menu");

        assertThat(menu.statusCode()).isEqualTo(302);
        assertThat(menu.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?timeout");
        assertThat(rows.exists(session)).isFalse();
    }
}
