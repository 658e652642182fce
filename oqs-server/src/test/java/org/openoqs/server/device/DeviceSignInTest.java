package org.openoqs.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.account.PasswordPolicy;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;

/**
 * {@code POST /api/v1/devices/sessions}: a face-auth reader signs in with its 顔認証用アカウント over its facility's
 * mutual TLS, under the portal's password rules and lockout; nothing else signs in there.
 */
class DeviceSignInTest {

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void aReaderAccountOfTheCertificatesFacilityGetsATokenOnlyItsHashIsStored() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("顔認証 サインイン診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "受付の顔認証付きカードリーダー");
        long mark = f.auditMark();

        Api.Response r = ReaderSessions.signIn(clinic.client(), f.shared.base(), reader.account().accountId(),
                reader.password());

        assertThat(r.status()).isEqualTo(201);
        assertThat(reader.account().accountId()).matches("F\\d{5}");
        String token = r.json().get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(r.json().get("accountId").asString()).isEqualTo(reader.account().accountId());
        Instant expires = Instant.parse(r.json().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofHours(11), Duration.ofHours(12));
        assertThat(f.jdbc().sql("select count(*) from device_session where token_hash = ?")
                .param(DeviceSessionService.hash(token)).query(Integer.class).single()).isEqualTo(1);
        assertThat(f.jdbc().sql("select count(*) from device_session where token_hash = ? or certificate_serial = ?")
                .params(token, token).query(Integer.class).single()).isZero();
        assertThat(f.auditSince(mark, "DEVICE_LOGIN")).singleElement().satisfies(e -> {
            assertThat(e.facility()).isEqualTo(clinic.code());
            assertThat(e.actor()).isEqualTo("device:" + reader.account().accountId() + " " + clinic.certificateActor());
            assertThat(e.outcome()).isEqualTo("OK");
        });
    }

    @Test
    void wrongPasswordsLockTheAccountAfterThePortalsThreshold() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("顔認証 ロック診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "2階受付");
        String id = reader.account().accountId();

        for (int attempt = 1; attempt < PasswordPolicy.LOCK_AFTER; attempt++) {
            Api.Response wrong = ReaderSessions.signIn(clinic.client(), f.shared.base(), id, "Wrong#password" + attempt);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("errorCode").asString()).isEqualTo("OQSF9301");
            assertThat(wrong.json().get("message").asString()).contains("顔認証用アカウントのIDまたはパスワードが正しくない");
        }
        Api.Response last = ReaderSessions.signIn(clinic.client(), f.shared.base(), id, "Wrong#password");
        assertThat(last.status()).isEqualTo(401);
        assertThat(last.json().get("errorCode").asString()).isEqualTo("OQSF9302");
        assertThat(last.json().get("message").asString()).contains("ロックされています");

        // the right password does not get past the lock, exactly as at the portal
        Api.Response right = ReaderSessions.signIn(clinic.client(), f.shared.base(), id, reader.password());
        assertThat(right.json().get("errorCode").asString()).isEqualTo("OQSF9302");
        assertThat(f.accounts().find(clinic.code(), id).orElseThrow().locked()).isTrue();
        assertThat(f.accounts().find(clinic.code(), id).orElseThrow().failedAttempts())
                .isEqualTo(PasswordPolicy.LOCK_AFTER);

        f.accounts().unlock(clinic.admin(), id); // the administrator lifts it in the portal
        assertThat(ReaderSessions.signIn(clinic.client(), f.shared.base(), id, reader.password()).status())
                .isEqualTo(201);
    }

    @Test
    void aDisabledReaderAccountIsRefusedAndTheReasonIsAudited() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("顔認証 無効化診療所");
        IssuedPassword reader = ReaderSessions.createReaderAccount(f.shared.server(), clinic.code(), "旧カードリーダー");
        f.accounts().setEnabled(clinic.admin(), reader.account().accountId(), false);
        long mark = f.auditMark();

        Api.Response r = ReaderSessions.signIn(clinic.client(), f.shared.base(), reader.account().accountId(),
                reader.password());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9301");
        assertThat(r.json().get("message").asString()).contains("アカウントが無効です");
        assertThat(f.auditSince(mark, "DEVICE_LOGIN_FAILED")).extracting(AuditEvent::outcome)
                .containsExactly("REFUSED DISABLED");
    }

    @Test
    void anotherFacilitysReaderAccountIsUnknownHere() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("顔認証 こちら診療所");
        DeviceFixture.Facility other = f.newFacility("顔認証 よそ診療所");
        IssuedPassword foreign = ReaderSessions.createReaderAccount(f.shared.server(), other.code(), "よその受付");
        long mark = f.auditMark();

        Api.Response r = ReaderSessions.signIn(clinic.client(), f.shared.base(), foreign.account().accountId(),
                foreign.password());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9301");
        assertThat(f.auditSince(mark, "DEVICE_LOGIN_FAILED")).singleElement().satisfies(e -> {
            assertThat(e.facility()).isEqualTo(clinic.code());
            assertThat(e.outcome()).isEqualTo("REFUSED UNKNOWN_ID");
        });
        // and it cost the other facility's account nothing
        assertThat(f.accounts().find(other.code(), foreign.account().accountId()).orElseThrow().failedAttempts()).isZero();
    }

    @Test
    void onlyReaderAccountsSignInHereNotPeopleOrOtherMachines() throws Exception {
        DeviceFixture.Facility clinic = f.newFacility("顔認証 種別診療所");
        for (AccountKind kind : new AccountKind[] {AccountKind.GENERAL, AccountKind.LINKAGE}) {
            IssuedPassword account = f.accounts().create(clinic.admin(), kind, "種別 " + kind);
            long mark = f.auditMark();

            Api.Response r = ReaderSessions.signIn(clinic.client(), f.shared.base(), account.account().accountId(),
                    account.password());

            assertThat(r.status()).as(kind.name()).isEqualTo(401);
            assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9301");
            assertThat(f.auditSince(mark, "DEVICE_LOGIN_FAILED")).extracting(AuditEvent::outcome)
                    .containsExactly("REFUSED NOT_A_DEVICE_ACCOUNT");
        }
        Api.Response unknown = ReaderSessions.signIn(clinic.client(), f.shared.base(), "F99999", "Whatever#2026");
        assertThat(unknown.json().get("errorCode").asString()).isEqualTo("OQSF9301");
        Api.Response noBody = Api.post(clinic.client(), f.shared.base(), ReaderSessions.SIGN_IN, "");
        assertThat(noBody.status()).isEqualTo(400);
    }
}
