package org.openoqs.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The password rules and the change triggers, without a server. */
class PasswordPolicyRulesTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aGoodPasswordBreaksNoRule() {
        assertThat(PasswordPolicy.violations("U00001", "Hikari#2026go")).isEmpty();
        assertThat(PasswordPolicy.violations("U00001", "hikari2026#")).isEmpty(); // lower, digit, symbol
    }

    @Test
    void lengthIsCheckedAtBothEnds() {
        assertThat(PasswordPolicy.violations("U00001", "Ab#4567")).singleElement().asString().contains("8文字以上");
        assertThat(PasswordPolicy.violations("U00001", "Ab#4".repeat(17))).singleElement().asString()
                .contains("64文字以内").contains("68文字");
    }

    @Test
    void twoCharacterClassesAreNotEnough() {
        assertThat(PasswordPolicy.violations("U00001", "onlylowercase123")).singleElement().asString().contains("3種類以上");
        assertThat(PasswordPolicy.characterClasses("aA1#")).isEqualTo(4);
    }

    @Test
    void theAccountIdMayNotAppearInAnyCase() {
        assertThat(PasswordPolicy.violations("A00001", "xa00001#Y")).anySatisfy(m -> assertThat(m).contains("アカウントID"));
    }

    @Test
    void spacesAndFullWidthCharactersAreRefused() {
        assertThat(PasswordPolicy.violations("U00001", "Hikari 2026#")).anySatisfy(m -> assertThat(m).contains("半角"));
        assertThat(PasswordPolicy.violations("U00001", "Hikari＃2026a")).anySatisfy(m -> assertThat(m).contains("全角"));
    }

    @Test
    void anEmptyPasswordIsAsked() {
        assertThat(PasswordPolicy.violations("U00001", "")).containsExactly("新しいパスワードを入力してください。");
        assertThat(PasswordPolicy.violations("U00001", null)).hasSize(1);
    }

    @Test
    void aChangeIsRequiredForIssuedExpiredAndLongUnusedPasswordsOnly() {
        assertThat(PasswordPolicy.changeRequired(account(true, NOW, NOW), NOW)).contains(PasswordPolicy.ChangeReason.ISSUED);
        assertThat(PasswordPolicy.changeRequired(account(false, NOW.minus(Duration.ofDays(91)), NOW), NOW))
                .contains(PasswordPolicy.ChangeReason.EXPIRED);
        assertThat(PasswordPolicy.changeRequired(account(false, NOW, NOW.minus(Duration.ofDays(91))), NOW))
                .contains(PasswordPolicy.ChangeReason.INACTIVE);
        assertThat(PasswordPolicy.changeRequired(account(false, NOW.minus(Duration.ofDays(89)),
                NOW.minus(Duration.ofDays(89))), NOW)).isEmpty();
        assertThat(PasswordPolicy.changeRequired(account(false, NOW, null), NOW)).isEmpty();
    }

    @Test
    void machineAccountsAreNeverForcedToChange() {
        Account linkage = new Account("0113810014", "R000001", AccountKind.LINKAGE, "端末1",
                NOW.minus(Duration.ofDays(400)), false, 0, null, true, NOW, "A00001", null);

        assertThat(PasswordPolicy.changeRequired(linkage, NOW)).isEmpty();
    }

    private static Account account(boolean mustChange, Instant changedAt, Instant lastLogin) {
        return new Account("0113810014", "U00001", AccountKind.GENERAL, "受付", changedAt, mustChange, 0, null, true,
                changedAt, "A00001", lastLogin);
    }
}
