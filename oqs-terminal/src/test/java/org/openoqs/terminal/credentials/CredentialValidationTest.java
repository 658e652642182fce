package org.openoqs.terminal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each key's rule, with the Japanese message the installer sees; a refused value is never written. */
class CredentialValidationTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "011381001     | 半角数字10桁",
            "01138100144   | 半角数字10桁",
            "01138l0014    | 半角数字10桁",
            "０１１３８１００１４ | 半角数字10桁",
            "0113810015    | 検証番号"})
    void malformedInstitutionCodesAreRefused(String code, String expected) {
        CredentialStore store = CredentialStore.open(home);
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, "OQS_Admin", code))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageStartingWith("OQS_MEDICAL_INSTITUTION_CODE（医療機関等コード）: ")
                .hasMessageContaining(expected);
        assertThat(store.dataFile()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc-123", "pass word", "ｐａｓｓ", "合言葉", "abc_12"})
    void cryptPassMustBeHalfWidthAlphanumerics(String pass) {
        assertThatThrownBy(() -> CredentialStore.open(home).set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", pass))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageContaining("半角英数字")
                .hasMessageContaining("エラーとなります")
                .hasMessageNotContaining(pass);
    }

    @Test
    void cryptPassHasAtMostTwelveCharacters() {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "A23456789012");
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "A234567890123"))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageContaining("12桁以内")
                .hasMessageContaining("13桁");
        assertThat(store.get(CredentialKey.OQS_CRYPT_PASS).orElseThrow().secret()).isEqualTo("A23456789012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R000001", "f00001", "F", "F-0001", "U00001", "", " "})
    void theReaderUserIsAFaceAuthAccountId(String user) {
        CredentialStore store = CredentialStore.open(home);
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_FACE_LOGIN_KEY, user, "Reader#pass1"))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageStartingWith("OQS_FACE_LOGIN_KEY（顔認証用アカウントのID・パスワード）: ")
                .hasMessageNotContaining("Reader#pass1");
        store.set(CredentialKey.OQS_FACE_LOGIN_KEY, "F00001", "Reader#pass1");
        assertThat(store.get(CredentialKey.OQS_FACE_LOGIN_KEY).orElseThrow().user()).isEqualTo("F00001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"R2123", "r0123", "X0123", "R0", "R0-12", "", " "})
    void theLoginUserIsALinkageAccountId(String user) {
        assertThatThrownBy(() -> CredentialStore.open(home).set(CredentialKey.OQS_LOGIN_KEY, user, "pw"))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageStartingWith("OQS_LOGIN_KEY");
    }

    @Test
    void fixedUsersCannotBeReplaced() {
        assertThatThrownBy(() -> CredentialStore.open(home).set(CredentialKey.OQS_CRYPT_PASS, "Administrator", "abc"))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageContaining("ユーザー名は OQS_Admin を指定してください");
    }

    @Test
    void shareUsersFollowWindowsNamingAndPasswordsMustNotBeEmpty() {
        CredentialStore store = CredentialStore.open(home);
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_NAS_LOGIN_KEY, "ONS/Renkei", "pw"))
                .isInstanceOf(CredentialInvalidException.class).hasMessageContaining("ユーザー名");
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_NAS_LOGIN_KEY, "ONSRenkei", ""))
                .isInstanceOf(CredentialInvalidException.class).hasMessageContaining("パスワードが指定されていません");
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_LOGIN_KEY, "R0123", "pw\nx"))
                .isInstanceOf(CredentialInvalidException.class).hasMessageContaining("制御文字");
    }

    @Test
    void keysParseCaseInsensitively() {
        assertThat(CredentialKey.parse("oqs_crypt_pass")).contains(CredentialKey.OQS_CRYPT_PASS);
        assertThat(CredentialKey.parse("OQS_PASSWORD")).isEmpty();
    }
}
