package org.openoqs.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.web.PortalFixture;

/**
 * The facility's administrator disables the reader's 顔認証用アカウント in the portal (アカウント管理 → 無効化): the
 * reader's next card call is refused, it cannot sign in again, and enabling the account later does not bring the
 * old session back. A re-issued password ends the sessions too.
 */
class DisablingAReaderEndsItsSessionsTest {

    private static final String CHALLENGE = "api/v1/cards/P000000000000001/challenges";
    private static final String BODY = "{\"credential\":\"card\"}";

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void disablingInThePortalEndsTheReadersSession() throws Exception {
        PortalFixture.SignedIn admin = f.portal.administrator(f.portal.facilityWithMaster("無効化 ポータル診療所", false));
        DeviceFixture.Facility clinic = f.facilityOf(admin.institutionCode());
        IssuedPassword reader = f.portal.issue(admin.institutionCode(), admin.accountId(),
                org.openoqs.server.account.AccountKind.ADMIN, org.openoqs.server.account.AccountKind.FACE_DEVICE,
                "受付の顔認証付きカードリーダー");
        String id = reader.account().accountId();
        String token = ReaderSessions.token(clinic.client(), f.shared.base(), reader);
        assertThat(challenge(clinic, token).status()).isEqualTo(200);
        long mark = f.auditMark();

        int status = f.portal.mvc().perform(admin.as(post("/web/accounts/" + id + "/disable")).with(csrf()))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(302);
        assertThat(f.auditSince(mark, "DEVICE_LOGOUT")).singleElement().satisfies(e ->
                assertThat(e.outcome()).isEqualTo("ENDED DISABLED sessions=1"));
        Api.Response refused = challenge(clinic, token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("OQSF9304");
        assertThat(ReaderSessions.signIn(clinic.client(), f.shared.base(), id, reader.password())
                .json().get("errorCode").asString()).isEqualTo("OQSF9301");

        f.portal.mvc().perform(admin.as(post("/web/accounts/" + id + "/enable")).with(csrf())).andReturn();
        assertThat(challenge(clinic, token).json().get("errorCode").asString()).isEqualTo("OQSF9304");
        String fresh = ReaderSessions.token(clinic.client(), f.shared.base(), reader);
        assertThat(challenge(clinic, fresh).status()).isEqualTo(200);
    }

    @Test
    void aReissuedPasswordEndsTheSessionsOfTheOldOne() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("再発行 診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "受付");
        String token = ReaderSessions.token(clinic.client(), f.shared.base(), reader);

        IssuedPassword reissued = f.accounts().resetPassword(clinic.admin(), reader.account().accountId());

        assertThat(challenge(clinic, token).json().get("errorCode").asString()).isEqualTo("OQSF9304");
        assertThat(ReaderSessions.signIn(clinic.client(), f.shared.base(), reader.account().accountId(),
                reader.password()).status()).isEqualTo(401);
        assertThat(challenge(clinic, ReaderSessions.token(clinic.client(), f.shared.base(), reissued)).status())
                .isEqualTo(200);
    }

    private Api.Response challenge(DeviceFixture.Facility clinic, String token) throws Exception {
        return Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, token);
    }
}
