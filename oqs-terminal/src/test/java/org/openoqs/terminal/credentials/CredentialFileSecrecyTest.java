package org.openoqs.terminal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing on disk shows a secret, and only the owner may read the files. */
class CredentialFileSecrecyTest {

    static final String PASSWORD = "VerySecretLoginPw42";
    static final String CRYPT = "CryptPw12345";

    @TempDir
    Path home;

    @Test
    void noFileOfTheStoreContainsASecretInAnyPlainEncoding() throws Exception {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0999999999", PASSWORD);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", CRYPT);
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, "OQS_Admin", "0113810014");

        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.toList()) {
                String latin1 = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : new String[] {PASSWORD, CRYPT, "R0999999999", "0113810014"}) {
                    assertThat(latin1).as(file.getFileName() + " must not show " + secret)
                            .doesNotContain(secret)
                            .doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))
                            .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_16LE),
                                    StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(Files.readString(store.dataFile())).startsWith(CredentialStore.HEADER + "\n");
    }

    @Test
    void dataAndKeyFilesAreOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", CRYPT);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", "Other123");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dataFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.keyFile())))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(CredentialStore.DATA_FILE, CredentialStore.KEY_FILE,
                            CredentialStore.LOCK_FILE);
        }
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", CRYPT);
        String first = Files.readString(store.dataFile());
        store.set(CredentialKey.OQS_CRYPT_PASS, "OQS_Admin", CRYPT);
        assertThat(Files.readString(store.dataFile())).isNotEqualTo(first);
    }
}
