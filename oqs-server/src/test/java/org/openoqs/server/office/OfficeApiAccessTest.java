package org.openoqs.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Offices and facilities stay apart: a facility certificate never reaches the office API (403, audited under the
 * facility), an office certificate never reaches the terminal API, and the office API applies the same certificate
 * checks as the terminal API (none, revoked).
 */
class OfficeApiAccessTest {

    private final OfficeFixture f = new OfficeFixture();

    @Test
    void facilityCertificateIsRefusedOnTheOfficeApiAndAudited() throws Exception {
        String card = f.freshCard(CardStatus.PIN_LOCKED);

        Api.Response r = Api.post(f.shared.demoClient(), f.shared.base(), "api/v1/office/cards/" + card + "/pin-unlock",
                "{\"operator\":\"なりすまし\"}");
        Api.Response status = Api.get(f.shared.demoClient(), f.shared.base(), "api/v1/office/cards/" + card);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(r.json().get("message").asString()).contains("発行窓口の証明書ではありません");
        assertThat(status.status()).isEqualTo(403);
        assertThat(f.statusOf(card)).isEqualTo(CardStatus.PIN_LOCKED);
        assertThat(f.shared.server().auditLog().recent(SharedServer.DEMO_CODE, 2)).allSatisfy(e -> {
            assertThat(e.action()).isEqualTo(OfficeCertificateFilter.ACTION);
            assertThat(e.outcome()).isEqualTo("REFUSED NOT_AN_OFFICE_CERTIFICATE");
        }).extracting(e -> e.subject()).containsExactly("GET /api/v1/office/cards/" + card,
                "POST /api/v1/office/cards/" + card + "/pin-unlock");
    }

    @Test
    void officeCertificateIsRefusedOnTheTerminalApi() throws Exception {
        String card = f.freshCard(CardStatus.ACTIVE);
        long mark = f.auditMark();

        Api.Response lock = Api.post(f.office, f.shared.base(), "api/v1/cards/" + card + "/pin-lock", "{}");
        Api.Response facility = Api.get(f.office, f.shared.base(), "api/v1/facility");

        assertThat(lock.status()).isEqualTo(403);
        assertThat(lock.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(facility.status()).isEqualTo(403);
        assertThat(f.statusOf(card)).isEqualTo(CardStatus.ACTIVE);
        String serial = f.officeActor().substring(f.officeActor().indexOf("cert:"));
        assertThat(f.auditSince(mark, ClientCertificateFilter.ACTION)).hasSize(2).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(serial);
            assertThat(e.facility()).isNull();
            assertThat(e.outcome()).isEqualTo("REFUSED NO_INSTITUTION_CODE");
        });
    }

    @Test
    void officeApiWantsACertificate() throws Exception {
        Api.Response r = Api.get(f.shared.pki().anonymousClient(), f.shared.base(), "api/v1/office/cards/P000000000000001");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
    }

    @Test
    void revokedOfficeCertificateIsRefusedAtTheNextRequest() throws Exception {
        IssuedCredential office = f.shared.pki().ca().issueOfficeCertificate("131016", "千代田区（試験）交付窓口");
        var client = f.shared.pki().client(office);
        String path = "api/v1/office/cards/P000000000000001";
        assertThat(Api.get(client, f.shared.base(), path).status()).isEqualTo(200);

        f.shared.pki().ca().revoke(office.certificate().getSerialNumber(), "keyCompromise");
        Api.Response r = Api.get(client, f.shared.base(), path);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asString()).contains("失効");
    }
}
