package org.openoqs.terminal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requireValid(): what the agent calls before it starts. A gap stops it with a message that says what to do. */
class MissingCredentialStopsStartTest {

    @TempDir
    Path home;

    @Test
    void anEmptyStoreNamesTheLoginKeyFirst() {
        assertThatThrownBy(() -> CredentialStore.open(home).requireValid())
                .isInstanceOfSatisfying(CredentialMissingException.class,
                        e -> assertThat(e.key()).isEqualTo(CredentialKey.OQS_LOGIN_KEY))
                .hasMessageContaining("OQS_LOGIN_KEY")
                .hasMessageContaining("連携アプリケーション用アカウントのID・パスワード")
                .hasMessageContaining("設定されていません")
                .hasMessageContaining("起動できません")
                .hasMessageContaining("oqs terminal credentials set OQS_LOGIN_KEY");
    }

    @Test
    void theInstitutionCodeIsRequiredToo() {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0123", "pw");
        assertThatThrownBy(store::requireValid)
                .isInstanceOf(CredentialMissingException.class)
                .hasMessageContaining("OQS_MEDICAL_INSTITUTION_CODE")
                .hasMessageContaining("医療機関等コード");
    }

    @Test
    void theCryptPassIsOptionalUntilSomethingIsEncrypted() {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0123", "pw");
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, "OQS_Admin", "0113810014");

        assertThat(store.requireValid().cryptPass()).isEmpty();
        assertThatThrownBy(() -> store.requireValid(Set.of(CredentialKey.OQS_CRYPT_PASS)))
                .isInstanceOf(CredentialMissingException.class)
                .hasMessageContaining("OQS_CRYPT_PASS")
                .hasMessageContaining("encrypt.conf");
    }

    @Test
    void aLostKeyFileIsReportedNotMistakenForAnEmptyStore() throws Exception {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0123", "pw");
        Files.delete(store.keyFile());

        assertThatThrownBy(() -> CredentialStore.open(home).requireValid())
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining(CredentialStore.KEY_FILE);
        // and a new write does not silently create a new key that would orphan the old data
        assertThatThrownBy(() -> store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "abc"))
                .isInstanceOf(CredentialStoreException.class);
    }

    @Test
    void aTamperedDataFileIsRefused() throws Exception {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0123", "pw");
        String[] lines = Files.readString(store.dataFile()).split("\n");
        char[] body = lines[1].toCharArray();
        body[20] = body[20] == 'A' ? 'B' : 'A';
        Files.writeString(store.dataFile(), lines[0] + "\n" + new String(body) + "\n");

        assertThatThrownBy(() -> store.requireValid())
                .isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("復号できません");
    }
}
