package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.CertificateSigningRequests;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19, item 13: renewal was possible at any time and the old certificate stayed valid until its end date, so a
 * stolen key could mint fresh certificates forever. Over mutual TLS: a renewal before the window (90 days before the
 * end) is refused with 409 {@code OQSF9603} and nothing is issued; inside it the old certificate works through the
 * grace and is refused by the server once the grace has passed (revoked, CRL); renewing twice from one certificate
 * revokes the first successor at once.
 */
class CertificateRenewalWindowTest {

    private final SharedServer shared = SharedServer.get();

    @Test
    void renewalBeforeTheWindowIsRefusedAndNothingIsIssued() throws Exception {
        Facility f = facility(Duration.ofDays(200));

        Calls.Reply reply = renew(f.client(), f.code());

        assertThat(reply.status()).as(reply.text()).isEqualTo(409);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo("OQSF9603");
        assertThat(reply.json().get("message").asString()).contains("有効期限の90日前から").contains("更新できるのは");
        assertThat(renewalsOf(f.code())).isZero();
        assertThat(shared.server().auditLog().recent(f.code(), 3)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(CertificateRenewalService.AUDIT_ACTION);
            assertThat(e.outcome()).startsWith("REFUSED OQSF9603");
        });
    }

    @Test
    void insideTheWindowTheOldCertificateIsRefusedOnceTheGraceHasPassed() throws Exception {
        Facility f = facility(Duration.ofDays(30));
        KeyPair fresh = CertificateSigningRequests.newKeyPair();

        Calls.Reply reply = renew(f.client(), f.code(), fresh);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        Instant revokedAfter = Instant.parse(reply.json().get("previousRevokedAfter").asString());
        assertThat(revokedAfter).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        HttpClient renewed = clientFor(fresh, reply);
        assertThat(Calls.get(f.client(), shared.base(), "api/v1/facility").status()).as("old, in the grace").isEqualTo(200);
        assertThat(revoker().runOnce(Instant.now())).as("nothing due yet").doesNotContain(f.serial());

        // a day later (the renewal row is moved back instead of the clock, so other tests' renewals are not touched)
        jdbc().sql("update certificate_renewal set renewed_at = ? where previous_serial = ?")
                .params(Instant.now().minus(Duration.ofHours(25)).atOffset(ZoneOffset.UTC), f.serial()).update();
        assertThat(revoker().runOnce(Instant.now())).contains(f.serial());

        Calls.Reply old = Calls.get(f.client(), shared.base(), "api/v1/facility");
        assertThat(old.status()).as(old.text()).isEqualTo(401);
        assertThat(old.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(Calls.get(renewed, shared.base(), "api/v1/facility").status()).as("the new one").isEqualTo(200);
        assertThat(renew(f.client(), f.code()).status()).as("the old key can renew no more").isEqualTo(401);
        assertThat(revoker().runOnce(Instant.now())).as("done once").doesNotContain(f.serial());
    }

    @Test
    void renewingTwiceFromOneCertificateRevokesTheFirstSuccessorAtOnce() throws Exception {
        Facility f = facility(Duration.ofDays(30));
        KeyPair first = CertificateSigningRequests.newKeyPair();
        KeyPair second = CertificateSigningRequests.newKeyPair();

        Calls.Reply one = renew(f.client(), f.code(), first);
        Calls.Reply two = renew(f.client(), f.code(), second);

        assertThat(one.status()).isEqualTo(200);
        assertThat(two.status()).isEqualTo(200);
        assertThat(Calls.get(clientFor(first, one), shared.base(), "api/v1/facility").status()).isEqualTo(401);
        assertThat(Calls.get(clientFor(second, two), shared.base(), "api/v1/facility").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private record Facility(String code, IssuedCredential credential, HttpClient client) {
        String serial() {
            return credential.certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
    }

    private Facility facility(Duration validity) {
        String code = PortalFixture.get().newFacility("更新期間テスト診療所", false);
        IssuedCredential credential = shared.pki().issueFacility(code, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(validity));
        return new Facility(code, credential, shared.pki().client(credential));
    }

    private Calls.Reply renew(HttpClient client, String code) throws Exception {
        return renew(client, code, CertificateSigningRequests.newKeyPair());
    }

    private Calls.Reply renew(HttpClient client, String code, KeyPair key) throws Exception {
        String csr = CertificateSigningRequests.toPem(CertificateSigningRequests.facilityRequest(key, code,
                "更新期間テスト診療所"));
        return Calls.post(client, shared.base(), "api/v1/certificates/renew", Map.of("csr", csr));
    }

    private HttpClient clientFor(KeyPair key, Calls.Reply reply) throws Exception {
        X509Certificate certificate = CertificateRenewalEndpointTest.parse(reply.json().get("certificate").asString());
        return shared.pki().client(new IssuedCredential(key.getPrivate(), certificate,
                List.of(certificate, shared.pki().ca().caCertificate())));
    }

    private SupersededCertificateRevoker revoker() {
        return shared.server().bean(SupersededCertificateRevoker.class);
    }

    private JdbcClient jdbc() {
        return shared.server().bean(JdbcClient.class);
    }

    private long renewalsOf(String code) {
        return jdbc().sql("select count(*) from certificate_renewal where institution_code = ?").param(code)
                .query(Long.class).single();
    }
}
