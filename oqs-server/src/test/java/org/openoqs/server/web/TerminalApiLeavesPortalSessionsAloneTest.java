package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.web.security.SessionCookieSettings;

/**
 * The terminal API is stateless and leaves the portal's session table alone: over real HTTPS, terminal requests
 * without a cookie create no session row and set no cookie, and requests that carry a signed-in portal session's
 * cookie (a browser of the same facility would send it along) neither read nor refresh that row — its last access
 * stays where it was, while the next portal request does move it.
 */
class TerminalApiLeavesPortalSessionsAloneTest {

    @Test
    void terminalRequestsNeitherCreateNorTouchPortalSessions() throws Exception {
        PortalFixture portal = PortalFixture.get();
        PortalFixture.SignedIn master = portal.facilityWithMaster("端末APIセッション確認診療所", false);
        PortalSessionRows rows = new PortalSessionRows(portal.server());
        URI server = portal.shared().base();
        HttpClient client = portal.shared().pki().client(portal.shared().pki().issueFacility(master.institutionCode()));
        PortalBrowser browser = new PortalBrowser(client);
        browser.signIn(server, master.accountId(), PortalFixture.GOOD_PASSWORD);
        String session = browser.sessionId();
        long lastAccess = rows.find(session).orElseThrow().lastAccessTime();
        long start = System.currentTimeMillis();
        Thread.sleep(20); // so that any refresh of the row would show in its millisecond times

        for (String cookie : new String[] {null, SessionCookieSettings.COOKIE_NAME + "=" + session}) {
            HttpResponse<String> facility = send(client, cookie, HttpRequest.newBuilder(
                    server.resolve("api/v1/facility")).GET());
            HttpResponse<String> inquiry = send(client, cookie, HttpRequest.newBuilder(server.resolve(Api.INQUIRY))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.inquiryJson(master.institutionCode(),
                            PersonaCorpus.CONFIRMATION_DATE, "session-check", Personas.all().get(0).inquiry()),
                            StandardCharsets.UTF_8)));

            for (HttpResponse<String> answer : List.of(facility, inquiry)) {
                assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(200);
                assertThat(answer.headers().allValues("Set-Cookie")).as(answer.uri().toString()).isEmpty();
            }
        }

        assertThat(rows.createdSince(start)).as("session rows created by terminal requests").isZero();
        assertThat(rows.find(session).orElseThrow().lastAccessTime()).as("the portal session was not touched")
                .isEqualTo(lastAccess);
        assertThat(browser.get(server, "web/menu").statusCode()).isEqualTo(200);
        assertThat(rows.find(session).orElseThrow().lastAccessTime()).as("a portal request refreshes it")
                .isGreaterThan(lastAccess);
    }

    private static HttpResponse<String> send(HttpClient client, String cookie, HttpRequest.Builder request)
            throws Exception {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
