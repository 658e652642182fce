package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.security.WebCertificateFilter;

/**
 * The portal is reached only with a registered facility's client certificate — checked over real HTTPS (the port
 * is shared with the terminal API, client-auth "want"): a browser without one, or with an unknown facility's, gets
 * a Japanese refusal page and an audit entry; the facility's own certificate reaches the login page.
 */
class CertificateRequiredTest {

    static PortalFixture portal;
    static SharedServer shared;
    static String code;

    @BeforeAll
    static void facility() {
        portal = PortalFixture.get();
        shared = portal.shared();
        code = portal.newFacility("証明書テスト診療所", false);
    }

    @Test
    void aBrowserWithoutCertificateGetsTheJapaneseRefusalPage() throws Exception {
        HttpResponse<String> response = get(shared.pki().anonymousClient(), "web/login");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("クライアント証明書を確認できないため、接続できません")
                .contains("クライアント証明書が提示されていません")
                .doesNotContain("name=\"password\"");
        shared.server().auditLog().anonymousRefusals().flush(); // anonymous refusals are counted per source and window
        assertThat(latestRefusal()).satisfies(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.facility()).isNull();
            assertThat(e.outcome()).startsWith("REFUSED NO_CERTIFICATE");
        });
    }

    @Test
    void aCertificateOfAnUnregisteredFacilityIsRefused() throws Exception {
        String unregistered = CheckDigit.complete("471899999");
        IssuedCredential stranger = shared.pki().issueFacility(unregistered);

        HttpResponse<String> response = get(shared.pki().client(stranger), "web/");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("登録されていません");
        assertThat(latestRefusal().outcome()).isEqualTo("REFUSED UNKNOWN_FACILITY");
    }

    @Test
    void aRevokedCertificateIsRefusedEvenForARegisteredFacility() throws Exception {
        IssuedCredential revoked = shared.pki().issueFacility(code);
        shared.pki().ca().revoke(revoked.certificate().getSerialNumber(), "keyCompromise");

        HttpResponse<String> response = get(shared.pki().client(revoked), "web/login");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("失効");
    }

    @Test
    void theFacilityCertificateReachesTheStartAndLoginPages() throws Exception {
        HttpClient browser = shared.pki().client(shared.pki().issueFacility(code));

        HttpResponse<String> start = get(browser, "web/");
        HttpResponse<String> login = get(browser, "web/login");

        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("システムの利用を始める").contains("証明書テスト診療所").contains(code);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("ユーザID").contains("name=\"password\"").contains("name=\"_csrf\"");
    }

    @Test
    void theStyleSheetIsServedWithoutCertificateSoTheRefusalPageIsReadable() throws Exception {
        HttpResponse<String> css = get(shared.pki().anonymousClient(), "web/css/portal.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".site-header");
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(shared.base().resolve(path)).timeout(Duration.ofSeconds(20)).GET()
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static AuditEvent latestRefusal() {
        return shared.server().auditLog().read(Math.max(0, shared.server().auditLog().size() - 50), 50).stream()
                .filter(e -> e.action().equals(WebCertificateFilter.ACTION))
                .reduce((a, b) -> b).orElseThrow();
    }
}
