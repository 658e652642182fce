package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * 救急時閲覧権限 in アカウント管理: a hospital's administrator grants it to a 医療情報閲覧 account and revokes it, each
 * audited; a clinic's administrator, an account of another kind and the master are refused, audited, nothing stored.
 */
class EmergencyPermissionGrantTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn hospitalAdmin;
    static PortalFixture.SignedIn clinicAdmin;
    static EmergencyPermissions permissions;

    @BeforeAll
    static void facilities() throws Exception {
        portal = PortalFixture.get();
        hospitalAdmin = EmergencyTestSupport.hospitalAdministrator(portal, "権限テスト病院");
        clinicAdmin = portal.administrator(portal.facilityWithMaster("権限テスト診療所", false));
        permissions = portal.server().bean(EmergencyPermissions.class);
    }

    @Test
    void theAdministratorGrantsAndRevokesAndBothAreAuditedAndShown() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, false);

        MockHttpServletResponse granted = EmergencyTestSupport.grant(portal, hospitalAdmin, viewer.accountId());
        String list = EmergencyTestSupport.send(portal, hospitalAdmin, get("/web/accounts")).getContentAsString();

        assertThat(granted.getRedirectedUrl()).isEqualTo("/web/accounts");
        assertThat(permissions.has(hospitalAdmin.institutionCode(), viewer.accountId())).isTrue();
        assertThat(list).contains("救急時閲覧権限").contains("/web/accounts/" + viewer.accountId()
                + "/emergency-permission/revoke");
        assertThat(EmergencyTestSupport.audit(portal, hospitalAdmin.institutionCode(), EmergencyPermissions.ACTION))
                .first().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(hospitalAdmin.accountId());
                    assertThat(e.subject()).contains("account=" + viewer.accountId()).contains("op=GRANT");
                    assertThat(e.outcome()).isEqualTo("OK GRANTED");
                });

        MockHttpServletResponse revoked = EmergencyTestSupport.send(portal, hospitalAdmin,
                post("/web/accounts/" + viewer.accountId() + "/emergency-permission/revoke").with(csrf()));

        assertThat(revoked.getRedirectedUrl()).isEqualTo("/web/accounts");
        assertThat(permissions.has(hospitalAdmin.institutionCode(), viewer.accountId())).isFalse();
        assertThat(EmergencyTestSupport.audit(portal, hospitalAdmin.institutionCode(), EmergencyPermissions.ACTION))
                .first().satisfies(e -> assertThat(e.outcome()).isEqualTo("OK REVOKED"));
    }

    @Test
    void aClinicsAdministratorIsRefusedWithItsCode() throws Exception {
        PortalFixture.SignedIn viewer = portal.person(clinicAdmin, AccountKind.MEDICAL_VIEWER, "診療所 医師");

        MockHttpServletResponse r = EmergencyTestSupport.grant(portal, clinicAdmin, viewer.accountId());

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSF5001").contains("病院である医療機関のみ利用できます");
        assertThat(permissions.has(clinicAdmin.institutionCode(), viewer.accountId())).isFalse();
        assertThat(EmergencyTestSupport.audit(portal, clinicAdmin.institutionCode(), EmergencyPermissions.ACTION))
                .first().satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED OQSF5001"));
        assertThat(EmergencyTestSupport.send(portal, clinicAdmin, get("/web/accounts")).getContentAsString())
                .doesNotContain("救急時閲覧権限");
    }

    @Test
    void onlyMedicalViewerAccountsCanHoldIt() throws Exception {
        PortalFixture.SignedIn general = portal.person(hospitalAdmin, AccountKind.GENERAL, "受付 花子");

        MockHttpServletResponse r = EmergencyTestSupport.grant(portal, hospitalAdmin, general.accountId());

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("OQSF5008").contains("医療情報閲覧アカウントにのみ付与できます");
        assertThat(permissions.has(hospitalAdmin.institutionCode(), general.accountId())).isFalse();
        assertThat(EmergencyTestSupport.audit(portal, hospitalAdmin.institutionCode(), EmergencyPermissions.ACTION))
                .first().satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED OQSF5008"));
    }

    @Test
    void theMasterAndTheViewerItselfCannotGrant() throws Exception {
        PortalFixture.SignedIn master = portal.facilityWithMaster("権限テスト病院２", true);
        PortalFixture.SignedIn admin = portal.administrator(master);
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, false);

        MockHttpServletResponse byMaster = EmergencyTestSupport.grant(portal, master, viewer.accountId());
        MockHttpServletResponse bySelf = EmergencyTestSupport.grant(portal, viewer, viewer.accountId());

        assertThat(byMaster.getStatus()).isEqualTo(403);
        assertThat(bySelf.getStatus()).isEqualTo(403);
        assertThat(permissions.has(admin.institutionCode(), viewer.accountId())).isFalse();
        assertThat(EmergencyTestSupport.audit(portal, admin.institutionCode(), EmergencyPermissions.ACTION))
                .anySatisfy(e -> assertThat(e.outcome()).isEqualTo("REFUSED ROLE MASTER"));
    }
}
