package org.openoqs.server.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Only the operator's certificate reaches the operator API: a facility's or an issuing office's is refused with 403
 * and audited, none at all gets 401, and the operator's certificate is no facility on the terminal API.
 */
class OperatorApiAccessTest {

    private static final String NOTICE = "{\"title\":\"なりすまし\",\"body\":\"本文\"}";

    private final OperatorFixture f = new OperatorFixture();

    @Test
    void facilityCertificateIsRefusedAndAuditedUnderItsFacility() throws Exception {
        long mark = f.auditMark();

        Api.Response publish = Api.post(f.shared.demoClient(), f.shared.base(), "api/v1/operator/notices", NOTICE);
        Api.Response list = Api.get(f.shared.demoClient(), f.shared.base(), "api/v1/operator/notices");

        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.json().get("errorCode").asString()).isEqualTo("OQSF9002");
        assertThat(publish.json().get("message").asString()).contains("運用者の証明書ではありません");
        assertThat(list.status()).isEqualTo(403);
        assertThat(f.auditSince(mark, OperatorCertificateFilter.ACTION)).hasSize(2).allSatisfy(e -> {
            assertThat(e.facility()).isEqualTo(SharedServer.DEMO_CODE);
            assertThat(e.outcome()).isEqualTo("REFUSED NOT_AN_OPERATOR_CERTIFICATE");
        });
        assertThat(f.auditSince(mark, "NOTICE_PUBLISH")).isEmpty();
    }

    @Test
    void officeCertificateIsRefusedAndAudited() throws Exception {
        var office = f.shared.pki().client(f.shared.pki().ca().issueOfficeCertificate("990019", "オープン市（試験）交付窓口"));
        long mark = f.auditMark();

        Api.Response publish = Api.post(office, f.shared.base(), "api/v1/operator/notices", NOTICE);
        Api.Response withdraw = Api.delete(office, f.shared.base(), "api/v1/operator/notices/1");

        assertThat(publish.status()).isEqualTo(403);
        assertThat(withdraw.status()).isEqualTo(403);
        assertThat(f.auditSince(mark, OperatorCertificateFilter.ACTION)).hasSize(2).allSatisfy(e -> {
            assertThat(e.facility()).isNull();
            assertThat(e.outcome()).isEqualTo("REFUSED NOT_AN_OPERATOR_CERTIFICATE");
        });
        assertThat(f.auditSince(mark, "NOTICE_PUBLISH")).isEmpty();
        assertThat(f.auditSince(mark, "NOTICE_WITHDRAW")).isEmpty();
    }

    @Test
    void operatorApiWantsACertificate() throws Exception {
        Api.Response r = Api.get(f.shared.pki().anonymousClient(), f.shared.base(), "api/v1/operator/notices");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9002");
    }

    @Test
    void operatorCertificateIsNoFacilityOnTheTerminalApi() throws Exception {
        long mark = f.auditMark();

        Api.Response r = Api.get(f.operator, f.shared.base(), "api/v1/facility");

        assertThat(r.status()).isEqualTo(403);
        assertThat(f.auditSince(mark, ClientCertificateFilter.ACTION)).singleElement()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED NO_INSTITUTION_CODE"));
    }
}
