package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The master account manages administrators and nothing else: like 資格確認 and 医療情報閲覧, the 電子処方箋 screens
 * (prescriptions are patient data) are refused to it on the server — the page and every sub-page and form, by
 * URL, audited — while a general account still opens them.
 */
class EpsClosedToTheMasterTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn master;
    static PortalFixture.SignedIn general;

    @BeforeAll
    static void accounts() throws Exception {
        portal = PortalFixture.get();
        master = portal.facilityWithMaster("電子処方箋権限テスト病院", true);
        general = portal.person(portal.administrator(master), AccountKind.GENERAL, "受付 処方");
    }

    @Test
    void theMasterIsRefusedEveryElectronicPrescriptionPage() throws Exception {
        MockHttpServletRequestBuilder[] requests = {
                get("/web/eps"), get("/web/eps/"), get("/web/eps/settings"), get("/web/eps/prescriptions/0123456789"),
                get("/web/eps/anything/below"),
                post("/web/eps/search").with(csrf()).param("insurerNumber", "06139999"),
                post("/web/eps/settings").with(csrf()).param("timing", "1")};
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse r = portal.mvc().perform(master.as(request)).andReturn().getResponse();
            String what = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
            assertThat(r.getStatus()).as(what).isEqualTo(403);
            assertThat(r.getForwardedUrl()).as(what).isEqualTo("/web/refused");
        }
        assertThat(portal.server().auditLog().recent(master.institutionCode(), 20)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo(master.accountId());
            assertThat(e.action()).isEqualTo("WEB_ACCESS_REFUSED");
            assertThat(e.subject()).startsWith("GET /web/eps");
            assertThat(e.outcome()).isEqualTo("REFUSED ROLE MASTER");
        });
    }

    @Test
    void aGeneralAccountStillOpensTheSearch() throws Exception {
        MockHttpServletResponse r = portal.mvc().perform(general.as(get("/web/eps"))).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(200);
    }
}
