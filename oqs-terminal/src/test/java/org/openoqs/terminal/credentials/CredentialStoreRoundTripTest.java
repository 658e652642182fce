package org.openoqs.terminal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** set / get / list / remove, and what a second instance on the same folder sees. */
class CredentialStoreRoundTripTest {

    static final String CODE = "0113810014";

    @TempDir
    Path home;

    @Test
    void setEntriesAreReadBackByAFreshInstance() {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0123456789", "s3cret!Pass");
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, CODE);
        store.set(CredentialKey.OQS_CRYPT_PASS, "oqs_admin", "Abc123xyz789");
        store.set(CredentialKey.OQS_NAS_LOGIN_KEY, CredentialKey.DEFAULT_SHARE_USER, "share-pw");

        CredentialStore again = CredentialStore.open(home);
        assertThat(again.get(CredentialKey.OQS_LOGIN_KEY)).get()
                .satisfies(c -> {
                    assertThat(c.user()).isEqualTo("R0123456789");
                    assertThat(c.secret()).isEqualTo("s3cret!Pass");
                });
        // the fixed user is stored in the manual's spelling whatever case was typed (or none)
        assertThat(again.get(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE).orElseThrow().user()).isEqualTo("OQS_Admin");
        assertThat(again.get(CredentialKey.OQS_CRYPT_PASS).orElseThrow().user()).isEqualTo("OQS_Admin");
        assertThat(again.get(CredentialKey.OQS_NAS_LOGIN_KEY).orElseThrow().user()).isEqualTo("ONSRenkei");

        TerminalCredentials valid = again.requireValid();
        assertThat(valid.institutionCode().digits()).isEqualTo(CODE);
        assertThat(valid.cryptPassword()).containsExactly("Abc123xyz789".toCharArray());
        assertThat(valid.toString()).doesNotContain("s3cret", "Abc123", "share-pw");
    }

    @Test
    void listShowsEveryKeyWithStateAndUserButNoSecret() {
        CredentialStore store = CredentialStore.open(home);
        assertThat(store.list()).extracting(CredentialStore.Entry::state)
                .containsExactly("未設定（必須）", "未設定（必須）", "未設定", "未設定", "未設定");

        store.set(CredentialKey.OQS_LOGIN_KEY, "R1000000001", "pw");
        assertThat(store.list()).first().satisfies(entry -> {
            assertThat(entry.key()).isEqualTo(CredentialKey.OQS_LOGIN_KEY);
            assertThat(entry.user()).isEqualTo("R1000000001");
            assertThat(entry.state()).isEqualTo("設定済み");
            assertThat(entry.toString()).doesNotContain("pw,", "=pw");
        });
    }

    @Test
    void setReplacesAndRemoveDeletes() {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "first1");
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "second2");
        assertThat(store.get(CredentialKey.OQS_CRYPT_PASS).orElseThrow().secret()).isEqualTo("second2");

        assertThat(store.remove(CredentialKey.OQS_CRYPT_PASS)).isTrue();
        assertThat(store.remove(CredentialKey.OQS_CRYPT_PASS)).isFalse();
        assertThat(CredentialStore.open(home).get(CredentialKey.OQS_CRYPT_PASS)).isEmpty();
    }

    @Test
    void anEmptyHomeIsAnEmptyStoreAndCreatesNothingUntilTheFirstWrite() {
        CredentialStore store = CredentialStore.open(home.resolve("not-yet"));
        assertThat(store.get(CredentialKey.OQS_LOGIN_KEY)).isEmpty();
        assertThat(store.dataFile()).doesNotExist();
        assertThat(store.keyFile()).doesNotExist();
    }
}
