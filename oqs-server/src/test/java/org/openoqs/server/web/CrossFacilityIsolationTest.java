package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.account.PasswordPolicy;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Two facilities, A and B, each with a master, an administrator and a clerk (A and B even have the same account
 * IDs, since IDs are numbered per facility). Nothing of B can be seen or touched from A: not its accounts,
 * settings or audit trail, not through A's certificate, and not with a session carried over to B's certificate.
 */
class CrossFacilityIsolationTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn adminA;
    static PortalFixture.SignedIn adminB;
    static IssuedPassword clerkB;

    @BeforeAll
    static void twoFacilities() throws Exception {
        portal = PortalFixture.get();
        adminA = portal.administrator(portal.facilityWithMaster("分離テスト診療所A", false));
        adminB = portal.administrator(portal.facilityWithMaster("分離テスト診療所B", false));
        clerkB = portal.issue(adminB.institutionCode(), adminB.accountId(), AccountKind.ADMIN, AccountKind.GENERAL,
                "B 受付");
    }

    @Test
    void accountIdsArePerFacilityAndTheListShowsOnlyTheOwnFacility() throws Exception {
        assertThat(adminA.accountId()).isEqualTo(adminB.accountId());
        String listA = portal.mvc().perform(adminA.as(get("/web/accounts"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(listA).doesNotContain("B 受付").doesNotContain(clerkB.account().accountId() + "</td>");
    }

    @Test
    void anAccountOfBCannotSignInThroughTheCertificateOfA() throws Exception {
        MvcResult login = portal.login(adminA.institutionCode(), clerkB.account().accountId(), clerkB.password());

        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/web/login?error=credentials");
    }

    @Test
    void aSessionOfAPresentedWithTheCertificateOfBIsEndedAndRefused() throws Exception {
        MockHttpSession sessionOfA = portal.signedIn(adminA.institutionCode(), adminA.accountId(),
                PortalFixture.GOOD_PASSWORD);

        MockHttpServletResponse r = portal.mvc().perform(get("/web/menu").session(sessionOfA)
                .with(portal.certificateOf(adminB.institutionCode()))).andReturn().getResponse();

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("一致しません");
        assertThat(sessionOfA.isInvalid()).isTrue();
        // audited under B without A's identity (B's 操作履歴 shows only its own), under A, and in full centrally
        assertThat(portal.server().auditLog().recent(adminB.institutionCode(), 5)).anySatisfy(e ->
                assertThat(e.outcome()).isEqualTo("REFUSED FACILITY_MISMATCH"));
        assertThat(portal.server().auditLog().recent(adminA.institutionCode(), 5)).anySatisfy(e ->
                assertThat(e.outcome()).startsWith("REFUSED FACILITY_MISMATCH session ended"));
    }

    @Test
    void theAdministratorOfACannotUnlockResetOrDisableAnAccountOfB() throws Exception {
        String id = clerkB.account().accountId();
        for (int i = 0; i < PasswordPolicy.LOCK_AFTER; i++) {
            portal.login(adminB.institutionCode(), id, "wrong");
        }
        assertThat(portal.accounts().find(adminB.institutionCode(), id).orElseThrow().locked()).isTrue();
        assertThat(portal.accounts().find(adminA.institutionCode(), id)).isEmpty();

        for (String action : new String[] {"unlock", "reset-password", "disable"}) {
            MockHttpServletResponse r = portal.mvc().perform(adminA.as(post("/web/accounts/" + id + "/" + action))
                    .with(csrf())).andReturn().getResponse();
            assertThat(r.getStatus()).as(action).isEqualTo(404);
        }

        assertThat(portal.accounts().find(adminB.institutionCode(), id)).hasValueSatisfying(b -> {
            assertThat(b.locked()).isTrue();
            assertThat(b.enabled()).isTrue();
        });
    }

    @Test
    void settingsChangedByAStayWithA() throws Exception {
        portal.mvc().perform(adminA.as(post("/web/settings")).with(csrf())
                .param("characterCode", "1").param("operationInfo", "0").param("ePrescription", "0")
                .param("eKarteSharing", "0").param("medicalAssistance", "0").param("emergencyInfo", "0")
                .param("smartphone", "0")).andReturn();

        assertThat(portal.server().facilities().get(adminA.institutionCode()).settings().characterCode())
                .isEqualTo(CharacterCode.SHIFT_JIS);
        assertThat(portal.server().facilities().get(adminB.institutionCode()).settings().characterCode())
                .isEqualTo(CharacterCode.UTF_8);
    }

    @Test
    void theAuditViewOfAShowsNothingOfB() throws Exception {
        String auditA = portal.mvc().perform(adminA.as(get("/web/audit"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(auditA).contains("WEB_LOGIN").doesNotContain(adminB.institutionCode())
                .doesNotContain("account=" + clerkB.account().accountId() + " kind=GENERAL");
    }
}
