package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;

/**
 * Two facilities. A signed-in session of facility B is presented with facility A's certificate (a shared PC, a
 * copied cookie): it is refused and ended. Each facility's 操作履歴 then shows the refusal as far as it concerns
 * itself, but never the other's institution code or account ID; the pair is kept centrally only.
 */
class AuditViewShowsOnlyTheOwnFacilityTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn adminA;
    static PortalFixture.SignedIn adminB;
    static PortalFixture.SignedIn clerkB;

    @BeforeAll
    static void twoFacilities() throws Exception {
        portal = PortalFixture.get();
        adminA = portal.administrator(portal.facilityWithMaster("履歴分離A診療所", false));
        adminB = portal.administrator(portal.facilityWithMaster("履歴分離B診療所", false));
        clerkB = portal.person(adminB, AccountKind.GENERAL, "受付 越境");
    }

    @Test
    void aSessionCarriedOverAnotherFacilitysCertificateLeavesNoForeignIdentityInEitherView() throws Exception {
        int status = portal.mvc().perform(get("/web/menu").session(clerkB.session())
                .with(portal.certificateOf(adminA.institutionCode()))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);

        String viewA = auditPage(adminA);
        String viewB = auditPage(adminB);

        assertThat(viewA).contains("REFUSED FACILITY_MISMATCH")
                .doesNotContain(adminB.institutionCode()).doesNotContain(clerkB.accountId() + "<")
                .doesNotContain("/" + clerkB.accountId());
        assertThat(viewB).contains("REFUSED FACILITY_MISMATCH").doesNotContain(adminA.institutionCode());
        assertThat(portal.server().auditLog().read(Math.max(0, portal.server().auditLog().size() - 50), 50))
                .anySatisfy(e -> {
                    assertThat(e.facility()).isNull();
                    assertThat(e.outcome()).contains("certificate=" + adminA.institutionCode())
                            .contains("session=" + adminB.institutionCode() + "/" + clerkB.accountId());
                });
    }

    @Test
    void anotherRegisteredFacilitysCodeInAnEntryIsMaskedInTheView() throws Exception {
        portal.server().auditLog().append(adminA.institutionCode(), "cert:0A", "QUALIFICATION_INQUIRY", "file=x",
                "REFUSED OQSF1001 requested=" + adminB.institutionCode());

        assertThat(auditPage(adminA)).doesNotContain(adminB.institutionCode())
                .contains("requested=" + AuditViewController.OTHER_FACILITY);
    }

    private static String auditPage(PortalFixture.SignedIn admin) throws Exception {
        return portal.mvc().perform(admin.as(get("/web/audit"))).andReturn().getResponse().getContentAsString();
    }
}
