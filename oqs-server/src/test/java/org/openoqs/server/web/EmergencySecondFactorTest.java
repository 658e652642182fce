package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.otp.Base32;
import org.openoqs.core.otp.Totp;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.emergency.SealedSecrets;
import org.openoqs.server.emergency.SecondFactor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The TOTP second factor against the real portal: the enrolment shows an otpauth URI with the secret, which is stored
 * only sealed; the current code and one step either side pass, older ones do not; a used code (or an older step)
 * is refused as a replay; 5 wrong codes lock the factor until the permission is granted again; a new sign-in must pass
 * it again. Every outcome audited as SECOND_FACTOR.
 */
class EmergencySecondFactorTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static JdbcClient jdbc;

    @BeforeAll
    static void hospital() throws Exception {
        portal = PortalFixture.get();
        admin = EmergencyTestSupport.hospitalAdministrator(portal, "二要素テスト病院");
        jdbc = portal.server().bean(JdbcClient.class);
    }

    @Test
    void theEnrolmentShowsTheSecretOnceAndStoresItOnlySealed() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);

        MockHttpServletResponse first = EmergencyTestSupport.send(portal, viewer, get("/web/emergency"));
        String page = EmergencyTestSupport.send(portal, viewer, get("/web/emergency/enrol")).getContentAsString();
        byte[] secret = EmergencyTestSupport.shownSecret(portal, viewer); // a reload shows the same pending secret
        String sealed = jdbc.sql("select secret_sealed from totp_credential where institution_code = ? and "
                + "account_id = ?").params(viewer.institutionCode(), viewer.accountId()).query(String.class).single();

        assertThat(first.getRedirectedUrl()).isEqualTo("/web/emergency/enrol");
        assertThat(page).contains("otpauth://totp/").contains("secret=" + Base32.encode(secret))
                .contains("algorithm=SHA1&amp;digits=6&amp;period=30");
        assertThat(secret).hasSize(20);
        assertThat(sealed).doesNotContain(Base32.encode(secret));
        byte[] stored = Base64.getDecoder().decode(sealed);
        assertThat(HexFormat.of().formatHex(stored)).doesNotContain(HexFormat.of().formatHex(secret));
        SealedSecrets secrets = portal.server().bean(SealedSecrets.class);
        assertThat(secrets.open(sealed, viewer.institutionCode() + "/" + viewer.accountId())).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(sealed, viewer.institutionCode() + "/I99999"))
                .isInstanceOf(IllegalStateException.class); // a row copied to another account does not open

        MockHttpServletResponse confirmed = EmergencyTestSupport.code(portal, viewer, "/web/emergency/enrol",
                Totp.code(secret, EmergencyTestSupport.currentStep()));
        MockHttpServletResponse afterwards = EmergencyTestSupport.send(portal, viewer, get("/web/emergency/enrol"));
        MockHttpServletResponse search = EmergencyTestSupport.send(portal, viewer, get("/web/emergency"));

        assertThat(confirmed.getRedirectedUrl()).isEqualTo("/web/emergency");
        assertThat(afterwards.getRedirectedUrl()).isEqualTo("/web/emergency/verify"); // never shown again
        assertThat(search.getStatus()).isEqualTo(200);
        assertThat(search.getContentAsString()).contains("id=\"emergency-form\"");
        assertThat(EmergencyTestSupport.audit(portal, viewer.institutionCode(), SecondFactor.ACTION)).first()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("OK ENROLLED"));
    }

    @Test
    void aUsedCodeIsRefusedAsAReplayAndTheNextStepPasses() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);
        byte[] secret = EmergencyTestSupport.enrolled(portal, viewer);
        long step = jdbc.sql("select last_used_step from totp_credential where institution_code = ? and account_id = ?")
                .params(viewer.institutionCode(), viewer.accountId()).query(Long.class).single(); // the enrolment's
        PortalFixture.SignedIn second = signInAgain(viewer);

        MockHttpServletResponse replay = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step));
        MockHttpServletResponse older = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step - 1));

        assertThat(replay.getStatus()).isEqualTo(400);
        assertThat(replay.getContentAsString()).contains("OQSF5006").contains("使用済み");
        assertThat(older.getStatus()).isEqualTo(400); // a replay, or outside the window if a step began meanwhile
        assertThat(EmergencyTestSupport.send(portal, second, get("/web/emergency")).getRedirectedUrl())
                .isEqualTo("/web/emergency/verify");
        assertThat(EmergencyTestSupport.audit(portal, viewer.institutionCode(), SecondFactor.ACTION)).first()
                .satisfies(e -> assertThat(e.outcome()).startsWith("REFUSED OQSF5006"));

        // the phone's next code (one step ahead is inside the ±1 window)
        MockHttpServletResponse next = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step + 1));

        assertThat(next.getRedirectedUrl()).isEqualTo("/web/emergency");
        assertThat(EmergencyTestSupport.send(portal, second, get("/web/emergency")).getStatus()).isEqualTo(200);
        assertThat(EmergencyTestSupport.audit(portal, viewer.institutionCode(), SecondFactor.ACTION)).first()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("OK"));
    }

    @Test
    void oneCodeSentFromEightSessionsAtOncePassesOnce() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);
        byte[] secret = EmergencyTestSupport.enrolled(portal, viewer);
        long used = jdbc.sql("select last_used_step from totp_credential where institution_code = ? and account_id = ?")
                .params(viewer.institutionCode(), viewer.accountId()).query(Long.class).single();
        List<PortalFixture.SignedIn> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(signInAgain(viewer));
        }
        String code = Totp.code(secret, used + 1); // intercepted once, replayed from everywhere at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (PortalFixture.SignedIn session : sessions) {
            answers.add(pool.submit(() -> {
                start.await();
                return EmergencyTestSupport.code(portal, session, "/web/emergency/verify", code);
            }));
        }
        start.countDown();
        int passed = 0;
        int replays = 0;
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse r = answer.get(60, TimeUnit.SECONDS);
            passed += r.getStatus() == 302 ? 1 : 0;
            replays += r.getStatus() == 400 && r.getContentAsString().contains("OQSF5006") ? 1 : 0;
        }
        pool.shutdown();

        assertThat(passed).isEqualTo(1);
        assertThat(replays).isEqualTo(sessions.size() - 1);
        long reachingTheForm = 0;
        for (PortalFixture.SignedIn session : sessions) {
            reachingTheForm += EmergencyTestSupport.send(portal, session, get("/web/emergency")).getStatus() == 200 ? 1 : 0;
        }
        assertThat(reachingTheForm).isEqualTo(1);
    }

    @Test
    void twoStepsAwayIsOutsideTheWindow() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);
        byte[] secret = EmergencyTestSupport.enrolled(portal, viewer);
        long step = EmergencyTestSupport.currentStep();
        PortalFixture.SignedIn second = signInAgain(viewer);

        MockHttpServletResponse ahead = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step + 3));
        MockHttpServletResponse garbage = EmergencyTestSupport.code(portal, second, "/web/emergency/verify", "12ab56");

        assertThat(ahead.getStatus()).isEqualTo(400);
        assertThat(ahead.getContentAsString()).contains("OQSF5005");
        assertThat(garbage.getContentAsString()).contains("OQSF5005");
        assertThat(EmergencyTestSupport.audit(portal, viewer.institutionCode(), SecondFactor.ACTION)).first()
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED OQSF5005 failures=2"));
    }

    @Test
    void fiveWrongCodesLockTheFactorUntilThePermissionIsGrantedAgain() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);
        byte[] secret = EmergencyTestSupport.enrolled(portal, viewer);
        PortalFixture.SignedIn second = signInAgain(viewer);
        long step = EmergencyTestSupport.currentStep();

        for (int i = 0; i < 4; i++) {
            assertThat(EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                    Totp.code(secret, step - 10 - i)).getContentAsString()).contains("OQSF5005");
        }
        MockHttpServletResponse fifth = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step - 20));
        MockHttpServletResponse right = EmergencyTestSupport.code(portal, second, "/web/emergency/verify",
                Totp.code(secret, step + 1));

        assertThat(fifth.getStatus()).isEqualTo(403);
        assertThat(fifth.getContentAsString()).contains("OQSF5007");
        assertThat(right.getStatus()).isEqualTo(403);
        assertThat(right.getContentAsString()).contains("OQSF5007");
        assertThat(EmergencyTestSupport.send(portal, second, get("/web/emergency")).getRedirectedUrl())
                .isEqualTo("/web/emergency/verify");

        portal.mvc().perform(admin.as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/web/accounts/" + viewer.accountId() + "/emergency-permission/revoke")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())));
        EmergencyTestSupport.grant(portal, admin, viewer.accountId());

        assertThat(portal.server().bean(EmergencyPermissions.class).has(viewer.institutionCode(), viewer.accountId()))
                .isTrue();
        assertThat(EmergencyTestSupport.send(portal, second, get("/web/emergency")).getRedirectedUrl())
                .isEqualTo("/web/emergency/enrol"); // a new enrolment with a new secret
        assertThat(EmergencyTestSupport.shownSecret(portal, second)).isNotEqualTo(secret);
    }

    @Test
    void aNewSignInMustPassItAgain() throws Exception {
        PortalFixture.SignedIn viewer = EmergencyTestSupport.viewer(portal, admin, true);
        EmergencyTestSupport.enrolled(portal, viewer);

        PortalFixture.SignedIn second = signInAgain(viewer);

        assertThat(EmergencyTestSupport.send(portal, viewer, get("/web/emergency")).getStatus()).isEqualTo(200);
        assertThat(EmergencyTestSupport.send(portal, second, get("/web/emergency")).getRedirectedUrl())
                .isEqualTo("/web/emergency/verify");
        assertThat(new String(EmergencyTestSupport.send(portal, second, get("/web/emergency/verify"))
                .getContentAsByteArray(), StandardCharsets.UTF_8)).contains("ワンタイムパスワード（6桁）");
    }

    private static PortalFixture.SignedIn signInAgain(PortalFixture.SignedIn viewer) throws Exception {
        return new PortalFixture.SignedIn(viewer.institutionCode(), viewer.accountId(),
                portal.signedIn(viewer.institutionCode(), viewer.accountId(), PortalFixture.GOOD_PASSWORD));
    }
}
