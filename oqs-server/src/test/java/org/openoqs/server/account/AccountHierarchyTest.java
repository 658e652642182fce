package org.openoqs.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed's account hierarchy in {@link AccountService}: one master per facility; the master creates
 * administrators; administrators create general, medical-information, linkage (R0…), WebAPI (R1…) and face-auth
 * accounts; nobody else creates anything. Passwords are stored as Argon2 hashes only.
 */
class AccountHierarchyTest {

    static PortalFixture portal;
    static AccountService accounts;
    static String code;
    static AccountActor master;
    static AccountActor admin;

    @BeforeAll
    static void facility() {
        portal = PortalFixture.get();
        accounts = portal.accounts();
        code = portal.newFacility("階層テスト診療所", false);
        portal.createMaster(code);
        master = new AccountActor(code, PortalFixture.masterId(code), AccountKind.MASTER);
        admin = new AccountActor(code, accounts.create(master, AccountKind.ADMIN, "管理 一子").account().accountId(),
                AccountKind.ADMIN);
    }

    @Test
    void theHierarchyIsMasterThenAdministratorThenEveryoneElse() {
        assertThat(AccountKind.MASTER.manages()).containsExactly(AccountKind.ADMIN);
        assertThat(AccountKind.ADMIN.manages()).containsExactlyInAnyOrder(AccountKind.GENERAL,
                AccountKind.MEDICAL_VIEWER, AccountKind.LINKAGE, AccountKind.WEB_API, AccountKind.FACE_DEVICE);
        for (AccountKind kind : EnumSet.of(AccountKind.GENERAL, AccountKind.MEDICAL_VIEWER, AccountKind.LINKAGE,
                AccountKind.WEB_API, AccountKind.FACE_DEVICE)) {
            assertThat(kind.manages()).as(kind.name()).isEmpty();
        }
    }

    @Test
    void machineAccountIdsFollowTheSeed() {
        IssuedPassword linkage = accounts.create(admin, AccountKind.LINKAGE, "受付端末");
        IssuedPassword webApi = accounts.create(admin, AccountKind.WEB_API, "電子カルテ連携端末");
        IssuedPassword face = accounts.create(admin, AccountKind.FACE_DEVICE, "顔認証付きカードリーダー1");

        assertThat(linkage.account().accountId()).matches("R0\\d{5}");
        assertThat(webApi.account().accountId()).matches("R1\\d{5}");
        assertThat(face.account().accountId()).matches("F\\d{5}");
        assertThat(linkage.account().mustChangePassword()).isFalse();
        assertThat(PasswordPolicy.violations(linkage.account().accountId(), linkage.password())).isEmpty();
    }

    @Test
    void idsAreNumberedInSequencePerKind() {
        String first = accounts.create(admin, AccountKind.MEDICAL_VIEWER, "医師 一").account().accountId();
        String second = accounts.create(admin, AccountKind.MEDICAL_VIEWER, "医師 二").account().accountId();

        assertThat(Integer.parseInt(second.substring(1))).isEqualTo(Integer.parseInt(first.substring(1)) + 1);
    }

    @Test
    void aSecondMasterForTheFacilityIsRefused() {
        assertThatThrownBy(() -> accounts.createMaster(code, "M" + code + "X", "Initial-password-2"))
                .isInstanceOf(AccountOperationRefusedException.class).hasMessageContaining("既に存在します");
    }

    @Test
    void nobodyBelowAnAdministratorCreatesAccounts() {
        AccountActor clerk = new AccountActor(code, accounts.create(admin, AccountKind.GENERAL, "受付").account()
                .accountId(), AccountKind.GENERAL);

        assertThatThrownBy(() -> accounts.create(clerk, AccountKind.GENERAL, "増殖"))
                .isInstanceOf(AccountOperationRefusedException.class);
        assertThatThrownBy(() -> accounts.create(master, AccountKind.LINKAGE, "端末"))
                .isInstanceOf(AccountOperationRefusedException.class);
        assertThat(portal.server().auditLog().recent(code, 3)).anySatisfy(e ->
                assertThat(e.outcome()).isEqualTo("REFUSED ROLE GENERAL"));
    }

    @Test
    void aDisplayNameIsRequiredAndBounded() {
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create(admin, AccountKind.GENERAL, "  "));
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create(admin, AccountKind.GENERAL, "あ".repeat(51)));
        assertThatIllegalArgumentException().isThrownBy(() -> accounts.create(admin, AccountKind.GENERAL, "改行\n入り"));
    }

    @Test
    void passwordsAreStoredAsArgon2HashesOnly() {
        IssuedPassword clerk = accounts.create(admin, AccountKind.GENERAL, "受付 ハッシュ");

        String stored = portal.server().bean(JdbcClient.class)
                .sql("select password_hash from web_account where institution_code = ? and account_id = ?")
                .params(code, clerk.account().accountId()).query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(clerk.password());
        assertThat(clerk.toString()).doesNotContain(clerk.password());
    }
}
