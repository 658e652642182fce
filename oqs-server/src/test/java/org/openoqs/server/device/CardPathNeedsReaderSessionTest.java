package org.openoqs.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;

/**
 * The card path ({@code /api/v1/cards/…}) needs a signed-in reader of the certificate's own facility besides the
 * certificate: without a token, with an expired or signed-out one, or with another facility's, it answers 401
 * with its own code before the card is looked at, and audits the refusal.
 */
class CardPathNeedsReaderSessionTest {

    private static final String CHALLENGE = "api/v1/cards/P000000000000001/challenges";
    private static final String BODY = "{\"credential\":\"card\"}";

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void theCertificateAloneNoLongerReachesTheCardPath() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("カード経路 証明書のみ診療所");
        long mark = f.auditMark();

        Api.Response r = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9303");
        assertThat(r.json().get("message").asString()).contains("顔認証機器のログインが必要です");
        assertThat(f.auditSince(mark, "DEVICE_SESSION")).singleElement().satisfies(e -> {
            assertThat(e.facility()).isEqualTo(clinic.code());
            assertThat(e.actor()).isEqualTo(clinic.certificateActor());
            assertThat(e.subject()).isEqualTo("POST /" + CHALLENGE);
            assertThat(e.outcome()).isEqualTo("REFUSED MISSING");
        });
        Api.Response malformed = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY,
                ReaderSessions.HEADER, "not a token");
        assertThat(malformed.json().get("errorCode").asString()).isEqualTo("OQSF9303");
    }

    @Test
    void aSignedInReaderGetsItsChallenge() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("カード経路 ログイン済み診療所");
        String token = ReaderSessions.token(clinic.client(), f.shared.base(),
                ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "受付"));

        Api.Response r = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, token);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("challengeId").asString()).isNotBlank();
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("カード経路 期限切れ診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "受付");
        String token = ReaderSessions.token(clinic.client(), f.shared.base(), reader);
        f.jdbc().sql("update device_session set expires_at = ? where token_hash = ?")
                .params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), DeviceSessionService.hash(token)).update();
        long mark = f.auditMark();

        Api.Response r = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, token);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9304");
        assertThat(r.json().get("message").asString()).contains("再度ログインしてください");
        assertThat(f.auditSince(mark, "DEVICE_SESSION")).extracting(AuditEvent::outcome)
                .containsExactly("REFUSED EXPIRED account=" + reader.account().accountId());
    }

    @Test
    void anotherFacilitysTokenIsRefusedWithTheCertificatesFacility() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("カード経路 こちら診療所");
        DeviceFixture.Facility other = f.newFacility("カード経路 よそ診療所");
        String foreignToken = ReaderSessions.token(other.client(), f.shared.base(),
                ReaderSessions.createReaderAccount(f.shared.server(), other.code(), "よその受付"));
        long mark = f.auditMark();

        Api.Response r = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, foreignToken);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9305");
        // under the clinic without the other facility's code (its 操作履歴 shows only its own); the pair centrally
        assertThat(f.auditSince(mark, "DEVICE_SESSION")).filteredOn(e -> clinic.code().equals(e.facility()))
                .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("REFUSED FOREIGN_FACILITY"));
        assertThat(f.auditSince(mark, "DEVICE_SESSION")).filteredOn(e -> e.facility() == null).singleElement()
                .satisfies(e -> assertThat(e.outcome()).contains("token=" + other.code()));
        // the other facility cannot sign it out either
        assertThat(Api.delete(clinic.client(), f.shared.base(), ReaderSessions.SIGN_OUT, ReaderSessions.HEADER,
                foreignToken).status()).isEqualTo(401);
        assertThat(Api.post(other.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, foreignToken)
                .status()).isEqualTo(200);
    }

    @Test
    void aSignedOutTokenIsRefused() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("カード経路 サインアウト診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "受付");
        String token = ReaderSessions.token(clinic.client(), f.shared.base(), reader);
        long mark = f.auditMark();

        Api.Response out = Api.delete(clinic.client(), f.shared.base(), ReaderSessions.SIGN_OUT, ReaderSessions.HEADER, token);

        assertThat(out.status()).isEqualTo(204);
        assertThat(f.auditSince(mark, "DEVICE_LOGOUT")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("device:" + reader.account().accountId() + " " + clinic.certificateActor());
            assertThat(e.outcome()).isEqualTo("OK");
        });
        Api.Response r = Api.post(clinic.client(), f.shared.base(), CHALLENGE, BODY, ReaderSessions.HEADER, token);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9304");
        assertThat(Api.delete(clinic.client(), f.shared.base(), ReaderSessions.SIGN_OUT, ReaderSessions.HEADER, token)
                .status()).isEqualTo(204); // signing out twice is not an error
    }
}
