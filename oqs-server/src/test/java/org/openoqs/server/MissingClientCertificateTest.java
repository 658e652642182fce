package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** The terminal API refuses a TLS connection that presents no client certificate, on every endpoint. */
class MissingClientCertificateTest {

    private static SharedServer shared;
    private static HttpClient anonymous;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
        anonymous = shared.pki().anonymousClient();
    }

    @Test
    void inquiryWithoutCertificateIsUnauthorized() throws Exception {
        Api.Response r = Api.post(anonymous, shared.base(), Api.INQUIRY, Api.inquiryJson(SharedServer.DEMO_CODE,
                PersonaCorpus.CONFIRMATION_DATE, "no-cert", Personas.all().get(0).inquiry()));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(r.json().get("message").asString()).contains("クライアント証明書が提示されていません");
    }

    @Test
    void facilityAndTimeWithoutCertificateAreUnauthorized() throws Exception {
        assertThat(Api.get(anonymous, shared.base(), "api/v1/facility").status()).isEqualTo(401);
        assertThat(Api.get(anonymous, shared.base(), "api/v1/time").status()).isEqualTo(401);
        assertThat(Api.get(anonymous, shared.base(), "api/v1/no-such-endpoint").status()).isEqualTo(401);
    }

    @Test
    void refusalIsAuditedAggregatedPerSourceAddress() throws Exception {
        long before = shared.server().auditLog().size();
        Api.get(anonymous, shared.base(), "api/v1/facility");
        Api.get(anonymous, shared.base(), "api/v1/facility");
        shared.server().auditLog().anonymousRefusals().flush(); // closes the window instead of waiting a minute
        // the first of the window in full (unless an earlier test's refusal already opened it), the rest counted
        assertThat(shared.server().auditLog().read(before, 100))
                .filteredOn(e -> e.actor().equals("anonymous") && e.subject().startsWith("from=127.0.0.1"))
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.facility()).isNull();
                    assertThat(e.outcome()).startsWith("REFUSED NO_CERTIFICATE");
                });
    }
}
