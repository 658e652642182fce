package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Revocation applies to the very next request, even on a TLS connection that was accepted before: the CRL is
 * checked on every request, not only at the handshake.
 */
class RevokedCertificateTest {

    static final String FACILITY = "1313810028";

    @Test
    void revokedCertificateIsRefused() throws Exception {
        SharedServer shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "失効テスト診療所");
        IssuedCredential credential = shared.pki().issueFacility(FACILITY);
        HttpClient client = shared.pki().client(credential);
        assertThat(Api.get(client, shared.base(), "api/v1/facility").status()).isEqualTo(200);

        shared.pki().ca().revoke(credential.certificate().getSerialNumber(), "keyCompromise");
        Api.Response r = Api.get(client, shared.base(), "api/v1/facility");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(r.json().get("message").asString()).contains("失効");
        assertThat(shared.server().auditLog().recent(FACILITY, 1)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED REVOKED"));
    }
}
