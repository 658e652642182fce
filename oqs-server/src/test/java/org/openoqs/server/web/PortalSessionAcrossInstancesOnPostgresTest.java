package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.testsupport.TestPki;
import org.openoqs.server.testsupport.ThrowawayPostgres;

/**
 * Two server instances on one PostgreSQL database serve one portal session, over real HTTPS with the facility
 * certificate, the cookie carried from one instance to the other as a balancer without sticky sessions does: signed
 * in on A, the forced password change form shown by A is accepted by B (its CSRF token lives in the shared session,
 * and a forged one is refused by B), both show the menu with the new rights, and after logout on B the session is
 * refused on A too. Skipped where PostgreSQL's server binaries are not installed; runs once, in the default Surefire
 * execution (H2 is one process's file and cannot be shared by two servers).
 */
class PortalSessionAcrossInstancesOnPostgresTest {

    private static final String CODE = "0113810014";
    private static final String MASTER = "M" + CODE;
    private static final String INITIAL_PASSWORD = "Initial#0113810014";

    @TempDir
    Path dir;

    @Test
    void aSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() throws Exception {
        assertThat(ThrowawayPostgres.installed()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are missing: ./mvnw verify installs them "
                + "(scripts/test-prerequisites.sh), or: sudo apt-get install -y postgresql").isTrue();
        String url = ThrowawayPostgres.shared().jdbcUrlFor(dir.resolve("shared-database"));
        TestPki pki = TestPki.create(dir.resolve("pki"));

        try (CentralServer a = CentralServer.start(config(pki, dir.resolve("a"), url));
             CentralServer b = CentralServer.start(config(pki, dir.resolve("b"), url))) {
            a.facilities().create(CODE, "二台構成ポータル診療所");
            a.bean(AccountService.class).createMaster(CODE, MASTER, INITIAL_PASSWORD);
            URI nodeA = a.baseUri();
            URI nodeB = b.baseUri();
            assertThat(nodeA).isNotEqualTo(nodeB);
            PortalBrowser browser = new PortalBrowser(pki.client(pki.issueFacility(CODE)));

            HttpResponse<String> signIn = browser.signIn(nodeA, MASTER, INITIAL_PASSWORD);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/web/password/change");
            HttpResponse<String> owedOnB = browser.get(nodeB, "web/menu");
            assertThat(owedOnB.headers().firstValue("Location")).as("B knows the session, and that it still owes "
                    + "its forced password change").hasValueSatisfying(l -> assertThat(l).endsWith("/web/password/change"));

            assertThat(browser.get(nodeA, "web/password/change").statusCode()).isEqualTo(200);
            String tokenFromA = browser.csrfToken();
            Map<String, String> change = Map.of("newPassword", PortalFixture.GOOD_PASSWORD,
                    "confirmPassword", PortalFixture.GOOD_PASSWORD);
            assertThat(browser.postWithToken(nodeB, "web/password/change", change, "forged-" + tokenFromA)
                    .statusCode()).as("a forged CSRF token, refused by B").isEqualTo(403);
            HttpResponse<String> changed = browser.postWithToken(nodeB, "web/password/change", change, tokenFromA);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
            assertThat(changed.headers().firstValue("Location").orElseThrow()).doesNotContain("login");

            HttpResponse<String> menuOnA = browser.get(nodeA, "web/menu");
            assertThat(menuOnA.statusCode()).as("A sees the rights B gave the session").isEqualTo(200);
            assertThat(menuOnA.body()).contains("二台構成ポータル診療所");
            HttpResponse<String> menuOnB = browser.get(nodeB, "web/menu");
            assertThat(menuOnB.statusCode()).isEqualTo(200);
            String signedIn = browser.sessionId();

            HttpResponse<String> logout = browser.post(nodeB, "web/logout", Map.of());
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?logout");

            for (URI node : new URI[] {nodeA, nodeB}) {
                browser.presentSession(signedIn); // the old cookie, kept by a browser that missed the logout
                HttpResponse<String> after = browser.get(node, "web/menu");
                assertThat(after.statusCode()).as(node.toString()).isEqualTo(302);
                assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?timeout");
            }
        }
    }

    private static ServerConfig config(TestPki pki, Path home, String url) {
        return ServerConfig.builder(home).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(home.resolveSibling("pki").resolve("server.p12"), TestPki.PASSWORD)
                .trustStore(pki.trustStore(), TestPki.PASSWORD).ca(pki.caDirectory(), null)
                .jdbc(url, null, null).seedDemoData(false).populationSize(0)
                .auditKeyFile(home.resolveSibling("audit-chain.key")).build(); // one chain, one key
    }
}
