package org.openoqs.server.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.pki.CertificateSigningRequests;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.testsupport.SharedServer;

/** A terminal renews its certificate with a CSR over mutual TLS; old and new certificate both work afterwards. */
class CertificateRenewalEndpointTest {
    static final String FACILITY = "1313810705";
    static SharedServer shared;
    static IssuedCredential current;
    static HttpClient client;

    @BeforeAll
    static void facility() {
        shared = SharedServer.get();
        shared.server().facilities().create(FACILITY, "更新テスト診療所");
        current = shared.pki().issueFacility(FACILITY);
        client = shared.pki().client(current);
    }

    @Test
    void renewalIssuesANewCertificateForTheNewKeyAndBothWork() throws Exception {
        KeyPair fresh = CertificateSigningRequests.newKeyPair();
        String csr = CertificateSigningRequests.toPem(
                CertificateSigningRequests.facilityRequest(fresh, FACILITY, "更新テスト診療所"));

        Calls.Reply reply = Calls.post(client, shared.base(), "api/v1/certificates/renew", Map.of("csr", csr));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        X509Certificate renewed = parse(reply.json().get("certificate").asString());
        assertThat(renewed.getPublicKey()).isEqualTo(fresh.getPublic());
        assertThat(FacilityCertificates.institutionCodeOf(renewed)).contains(FACILITY);
        assertThat(parse(reply.json().get("caCertificate").asString())).isEqualTo(shared.pki().ca().caCertificate());
        HttpClient renewedClient = shared.pki().client(new IssuedCredential(fresh.getPrivate(), renewed,
                List.of(renewed, shared.pki().ca().caCertificate())));
        assertThat(Calls.get(renewedClient, shared.base(), "api/v1/facility").status()).as("new").isEqualTo(200);
        assertThat(Calls.get(client, shared.base(), "api/v1/facility").status()).as("old, overlap").isEqualTo(200);
        assertThat(shared.server().auditLog().recent(FACILITY, 5)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(CertificateRenewalService.AUDIT_ACTION);
            assertThat(e.outcome()).startsWith("OK");
        });
    }

    @Test
    void requestForAnotherInstitutionIsRefusedWithTheRenewalCode() throws Exception {
        String csr = CertificateSigningRequests.toPem(CertificateSigningRequests.facilityRequest(
                CertificateSigningRequests.newKeyPair(), SharedServer.DEMO_CODE, "他院"));

        Calls.Reply reply = Calls.post(client, shared.base(), "api/v1/certificates/renew", Map.of("csr", csr));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errorCode").asString()).isEqualTo("OQSF9101");
        assertThat(reply.json().get("message").asString()).startsWith("電子証明書を更新できません。").contains("一致しません");
    }

    @Test
    void somethingThatIsNoCsrIsRefused() throws Exception {
        Calls.Reply reply = Calls.post(client, shared.base(), "api/v1/certificates/renew", Map.of("csr", "hello"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asString()).contains("CERTIFICATE REQUEST");
    }

    static X509Certificate parse(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }
}
