package org.openoqs.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.audit.AuditEvent;

/**
 * Issue 19 item 9, the attack on the real demo's reader page: a local process that can reach the port but cannot read
 * the 0600 token file used to {@code GET /}, copy the token out of the form and record a confirmation with consents.
 * Now the page is served only to the launch URL (which carries the token), forms carry a per-page nonce, and the
 * attacker gets neither: nothing is recorded. The launcher's own path (launch URL → page → form) still works.
 */
class ReaderPageTokenTest {

    private static final String FORM = "card=P000000000000001&credential=card&method=face&care=outpatient"
            + "&consent=drug&consent=checkup";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path home;
    static DemoSystem demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoSystem.start(home, 0);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void aProcessThatOnlyReachesThePortGetsNoTokenAndRecordsNothing() throws Exception {
        String token = Files.readString(demo.reader().tokenFile()).strip();
        URI page = demo.reader().pageUri();
        long mark = demo.server().auditLog().size();

        HttpResponse<String> plain = get(page);
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.body()).doesNotContain(token).contains("launch-required");
        assertThat(post(page.resolve("/confirm"), FORM).statusCode()).isEqualTo(403);
        assertThat(post(page.resolve("/confirm"), FORM + "&nonce=" + "0".repeat(48)).statusCode()).isEqualTo(403);
        assertThat(post(page.resolve("/confirm"), FORM + "&token=").statusCode()).isEqualTo(403);
        assertThat(post(page.resolve("/mode"), "mode=stopped").statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(page.resolve("/api/confirm"))
                .POST(HttpRequest.BodyPublishers.ofString(FORM)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(get(URI.create(page + "?key=" + "f".repeat(48))).statusCode()).isEqualTo(403);

        assertThat(confirmations(mark)).isEmpty();
    }

    @Test
    void theLaunchUrlGivesAPageWhoseNonceRecordsAConfirmationWithoutTheToken() throws Exception {
        String token = Files.readString(demo.reader().tokenFile()).strip();
        long mark = demo.server().auditLog().size();

        HttpResponse<String> launched = get(demo.reader().launchUri());
        assertThat(launched.statusCode()).isEqualTo(200);
        assertThat(launched.body()).doesNotContain(token);
        Matcher nonce = Pattern.compile("name=\"nonce\" value=\"([0-9a-f]+)\"").matcher(launched.body());
        assertThat(nonce.find()).isTrue();

        HttpResponse<String> confirmed = post(demo.reader().pageUri().resolve("/confirm"),
                FORM + "&nonce=" + nonce.group(1));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).doesNotContain(token);
        assertThat(confirmations(mark)).hasSize(1);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(URI uri, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<AuditEvent> confirmations(long mark) {
        return demo.server().auditLog().read(mark, 10_000).stream()
                .filter(e -> e.action().equals("CARD_CONFIRMATION")).toList();
    }
}
