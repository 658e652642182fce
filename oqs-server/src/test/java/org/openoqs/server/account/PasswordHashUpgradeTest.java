package org.openoqs.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.server.web.PortalFixture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Passwords are hashed with Argon2id at OWASP's baseline (m=19456 KiB, t=2, p=1). A hash of the earlier 16 MiB
 * parameters still verifies, and the successful sign-in replaces it with one of the current parameters.
 */
class PasswordHashUpgradeTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;

    @BeforeAll
    static void facility() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("ハッシュ更新テスト診療所", false));
    }

    @Test
    void newHashesUseNineteenMebibytesAndOldOnesAreUpgradedAtSignIn() throws Exception {
        IssuedPassword clerk = portal.issue(admin.institutionCode(), admin.accountId(), AccountKind.ADMIN,
                AccountKind.GENERAL, "受付 更新");
        String id = clerk.account().accountId();
        assertThat(storedHash(id)).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");

        String old = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(clerk.password());
        assertThat(old).contains("$m=16384,t=2,p=1$");
        jdbc().update("update web_account set password_hash = ? where institution_code = ? and account_id = ?", old,
                admin.institutionCode(), id);

        assertThat(portal.accounts().signIn(admin.institutionCode(), id, clerk.password()))
                .isInstanceOf(SignInResult.Success.class);
        String upgraded = storedHash(id);
        assertThat(upgraded).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(old);
        assertThat(portal.accounts().signIn(admin.institutionCode(), id, clerk.password()))
                .isInstanceOf(SignInResult.Success.class);
        assertThat(storedHash(id)).as("already current: not re-hashed again").isEqualTo(upgraded);
    }

    private static String storedHash(String id) {
        return jdbc().queryForObject("select password_hash from web_account where institution_code = ? and "
                + "account_id = ?", String.class, admin.institutionCode(), id);
    }

    private static JdbcTemplate jdbc() {
        return portal.server().bean(JdbcTemplate.class);
    }
}
