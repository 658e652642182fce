package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.otp.Totp;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.emergency.EmergencyViewing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every way to the 救急用サマリー that must fail, performed against the portal: a clinic (even with a permission row
 * written into the database behind the portal's back), a hospital that has not switched the service on, an account
 * without the permission, an account that skipped or failed the second factor, a missing or incomplete reason, keys
 * that are not keys or name nobody. Each answer carries its code, is audited as EMERGENCY_VIEW with the account, and
 * shows no patient data.
 */
class EmergencyViewRefusalsTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn hospitalAdmin;

    @BeforeAll
    static void hospital() throws Exception {
        portal = PortalFixture.get();
        hospitalAdmin = EmergencyTestSupport.hospitalAdministrator(portal, "拒否テスト病院");
    }

    @Test
    void aClinicIsRefusedEvenWithAPermissionRowInTheDatabase() throws Exception {
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("拒否テスト診療所", false));
        PortalFixture.SignedIn viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "診療所 医師");
        portal.server().bean(JdbcClient.class).sql("insert into emergency_permission (institution_code, account_id, "
                        + "granted_at, granted_by) values (?, ?, ?, ?)")
                .params(admin.institutionCode(), viewer.accountId(), OffsetDateTime.now(), "dba").update();

        MockHttpServletResponse page = EmergencyTestSupport.send(portal, viewer, get("/web/emergency"));
        MockHttpServletResponse summary = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", ""));

        assertRefused(page, viewer, "OQSF5001", "病院である医療機関のみ利用できます");
        assertRefused(summary, viewer, "OQSF5001", "病院である医療機関のみ利用できます");
    }

    @Test
    void aHospitalThatHasNotSwitchedItOnIsRefused() throws Exception {
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("未設定病院", true));
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);

        MockHttpServletResponse r = EmergencyTestSupport.send(portal, viewer, get("/web/emergency/enrol"));

        assertRefused(r, viewer, "OQSF5002", "救急時医療情報閲覧の利用設定がされていません");
    }

    @Test
    void anAccountWithoutThePermissionIsRefused() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, false);

        MockHttpServletResponse enrol = EmergencyTestSupport.send(portal, viewer, get("/web/emergency/enrol"));
        MockHttpServletResponse summary = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", ""));

        assertRefused(enrol, viewer, "OQSF5003", "救急時閲覧権限がありません");
        assertRefused(summary, viewer, "OQSF5003", "救急時閲覧権限がありません");
    }

    @Test
    void otherAccountKindsNeverReachTheScreens() throws Exception {
        PortalFixture.SignedIn general = portal.person(hospitalAdmin, AccountKind.GENERAL, "受付 次郎");

        MockHttpServletResponse byGeneral = EmergencyTestSupport.send(portal, general, get("/web/emergency"));
        MockHttpServletResponse byAdmin = EmergencyTestSupport.send(portal, hospitalAdmin,
                EmergencyTestSupport.summary("kokuho", "1", ""));

        assertThat(byGeneral.getStatus()).isEqualTo(403);
        assertThat(byAdmin.getStatus()).isEqualTo(403);
        assertThat(byAdmin.getContentAsString()).doesNotContain("救急用サマリー").doesNotContain("国保");
        assertThat(portal.server().auditLog().recent(hospitalAdmin.institutionCode(), 5))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("WEB_ACCESS_REFUSED");
                    assertThat(e.actor()).isEqualTo(hospitalAdmin.accountId());
                });
    }

    @Test
    void anEnrolledAccountThatSkipsTheSecondFactorIsRefused() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, true);
        EmergencyTestSupport.enrolled(portal, viewer);
        PortalFixture.SignedIn again = new PortalFixture.SignedIn(viewer.institutionCode(), viewer.accountId(),
                portal.signedIn(viewer.institutionCode(), viewer.accountId(), PortalFixture.GOOD_PASSWORD));

        MockHttpServletResponse search = EmergencyTestSupport.send(portal, again, get("/web/emergency"));
        MockHttpServletResponse summary = EmergencyTestSupport.send(portal, again,
                EmergencyTestSupport.summary("kokuho", "1", ""));

        assertThat(search.getRedirectedUrl()).isEqualTo("/web/emergency/verify");
        assertRefused(summary, viewer, "OQSF5004", "二要素認証");
    }

    @Test
    void anAccountThatFailedTheSecondFactorIsRefused() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, true);
        byte[] secret = EmergencyTestSupport.enrolled(portal, viewer);
        PortalFixture.SignedIn again = new PortalFixture.SignedIn(viewer.institutionCode(), viewer.accountId(),
                portal.signedIn(viewer.institutionCode(), viewer.accountId(), PortalFixture.GOOD_PASSWORD));
        String wrong = Totp.code(secret, EmergencyTestSupport.currentStep() - 5);

        MockHttpServletResponse failed = EmergencyTestSupport.code(portal, again, "/web/emergency/verify", wrong);
        MockHttpServletResponse summary = EmergencyTestSupport.send(portal, again,
                EmergencyTestSupport.summary("kokuho", "1", ""));

        assertThat(failed.getStatus()).isEqualTo(400);
        assertThat(failed.getContentAsString()).contains("OQSF5005");
        assertRefused(summary, viewer, "OQSF5004", "二要素認証");
    }

    @Test
    void aRevokedPermissionEndsTheOpenSessionsAccessAndARegrantNeedsANewEnrolment() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, true);
        EmergencyTestSupport.enrolled(portal, viewer);
        assertThat(EmergencyTestSupport.send(portal, viewer, EmergencyTestSupport.summary("kokuho", "1", ""))
                .getStatus()).isEqualTo(200);

        EmergencyTestSupport.send(portal, hospitalAdmin, org.springframework.test.web.servlet.request
                .MockMvcRequestBuilders.post("/web/accounts/" + viewer.accountId() + "/emergency-permission/revoke")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
        MockHttpServletResponse revoked = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", ""));
        assertRefused(revoked, viewer, "OQSF5003", "救急時閲覧権限がありません");

        EmergencyTestSupport.grant(portal, hospitalAdmin, viewer.accountId());
        MockHttpServletResponse regranted = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", ""));
        assertRefused(regranted, viewer, "OQSF5004", "二要素認証");
    }

    @Test
    void aMissingOrIncompleteReasonIsRefusedOnTheForm() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, true);
        EmergencyTestSupport.enrolled(portal, viewer);

        MockHttpServletResponse none = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "", "急いでいる"));
        assertFormRefusal(none, viewer, "OQSP5001", "閲覧理由を選択してください");
        MockHttpServletResponse unknown = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "7", ""));
        assertFormRefusal(unknown, viewer, "OQSP5001", "閲覧理由を選択してください");
        MockHttpServletResponse otherWithoutText = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "9", "  "));
        assertFormRefusal(otherWithoutText, viewer, "OQSP5002", "具体的な理由");
        MockHttpServletResponse tooLong = EmergencyTestSupport.send(portal, viewer,
                EmergencyTestSupport.summary("kokuho", "1", "あ".repeat(201)));
        assertFormRefusal(tooLong, viewer, "OQSP5002", "200文字以内");
    }

    @Test
    void keysThatAreNotKeysOrNameNobodyAreRefusedOnTheForm() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, hospitalAdmin, true);
        EmergencyTestSupport.enrolled(portal, viewer);

        MockHttpServletResponse badInsurer = EmergencyTestSupport.send(portal, viewer, EmergencyTestSupport
                .summary("kokuho", "1", "", Map.of("insurerNumber", "12345")));
        assertFormRefusal(badInsurer, viewer, "OQSP5003", "保険者番号");
        MockHttpServletResponse noNumber = EmergencyTestSupport.send(portal, viewer, EmergencyTestSupport
                .summary("kokuho", "1", "", Map.of("insuredIdentificationNumber", "")));
        assertFormRefusal(noNumber, viewer, "OQSP5003", "保険者番号");
        MockHttpServletResponse nobody = EmergencyTestSupport.send(portal, viewer, EmergencyTestSupport
                .summary("kokuho", "1", "", Map.of("insuredIdentificationNumber", "99999999")));
        assertFormRefusal(nobody, viewer, "OQSP3102", "該当する資格情報がありません");
    }

    private static void assertRefused(MockHttpServletResponse r, PortalFixture.SignedIn who, String code,
                                      String message) throws Exception {
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains(code).contains(message).doesNotContain("救急用サマリー</h1>");
        assertThat(EmergencyTestSupport.audit(portal, who.institutionCode(), EmergencyViewing.ACTION)).first()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(who.accountId());
                    assertThat(e.outcome()).isEqualTo("REFUSED " + code);
                });
    }

    private static void assertFormRefusal(MockHttpServletResponse r, PortalFixture.SignedIn who, String code,
                                          String message) throws Exception {
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.getContentAsString()).contains(code).contains(message).contains("id=\"emergency-form\"")
                .doesNotContain("id=\"emergency-banner\"");
        assertThat(EmergencyTestSupport.audit(portal, who.institutionCode(), EmergencyViewing.ACTION)).first()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(who.accountId());
                    assertThat(e.outcome()).isEqualTo("REFUSED " + code);
                });
    }
}
