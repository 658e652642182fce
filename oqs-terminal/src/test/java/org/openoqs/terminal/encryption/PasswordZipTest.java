package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.OTHER_PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.aes;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.xml;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.zip;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import net.lingala.zip4j.io.inputstream.ZipInputStream;
import net.lingala.zip4j.model.LocalFileHeader;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The archive format on its own: what is sealed opens again, every kind of bad archive is refused by reason. */
class PasswordZipTest {

    @Test
    void sealedFilesAreAes256AndOpenWithThePassword() throws Exception {
        byte[] sealed = PasswordZip.seal("OQSsiquc01res_1.xml", xml("round-trip"), PASSWORD);

        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(sealed), PASSWORD)) {
            LocalFileHeader header = in.getNextEntry();
            assertThat(header.getFileName()).isEqualTo("OQSsiquc01res_1.xml");
            assertThat(header.getEncryptionMethod()).isEqualTo(EncryptionMethod.AES);
            assertThat(header.getAesExtraDataRecord().getAesKeyStrength()).isEqualTo(AesKeyStrength.KEY_STRENGTH_256);
        }
        PasswordZip.Entry entry = PasswordZip.open(sealed, PASSWORD, LIMIT);
        assertThat(entry.name()).isEqualTo("OQSsiquc01res_1.xml");
        assertThat(entry.content()).isEqualTo(xml("round-trip"));
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("round-trip");
    }

    @Test
    void aWrongPasswordIsRecognisedAsSuch() {
        byte[] sealed = PasswordZip.seal("a.xml", xml("x"), PASSWORD);
        assertReason(() -> PasswordZip.open(sealed, OTHER_PASSWORD, LIMIT), ZipOpenException.Reason.WRONG_PASSWORD);
    }

    @Test
    void bytesThatAreNoZipOrADamagedZipAreRefused() {
        assertReason(() -> PasswordZip.open(xml("plain"), PASSWORD, LIMIT), ZipOpenException.Reason.NOT_A_ZIP);
        assertReason(() -> PasswordZip.open(new byte[0], PASSWORD, LIMIT), ZipOpenException.Reason.NOT_A_ZIP);
        byte[] sealed = PasswordZip.seal("a.xml", xml("x".repeat(500)), PASSWORD);
        byte[] truncated = Arrays.copyOf(sealed, sealed.length / 2);
        assertThatThrownBy(() -> PasswordZip.open(truncated, PASSWORD, LIMIT)).isInstanceOf(ZipOpenException.class);
        byte[] flipped = sealed.clone();
        flipped[flipped.length / 2] ^= 0x55;
        assertThatThrownBy(() -> PasswordZip.open(flipped, PASSWORD, LIMIT)).isInstanceOf(ZipOpenException.class);
    }

    @Test
    void unencryptedAndZipCryptoEntriesAreRefused() {
        assertReason(() -> PasswordZip.open(zip(EncryptionMethod.NONE, null, "a.xml", xml("x")), PASSWORD, LIMIT),
                ZipOpenException.Reason.NOT_ENCRYPTED);
        assertReason(() -> PasswordZip.open(zip(EncryptionMethod.ZIP_STANDARD, PASSWORD, "a.xml", xml("x")),
                PASSWORD, LIMIT), ZipOpenException.Reason.UNSUPPORTED_ENCRYPTION);
    }

    @Test
    void exactlyOneXmlEntry() {
        assertReason(() -> PasswordZip.open(aes("a.xml", xml("1"), "b.xml", xml("2")), PASSWORD, LIMIT),
                ZipOpenException.Reason.MULTIPLE_ENTRIES);
        assertReason(() -> PasswordZip.open(aes("a.pdf", xml("1")), PASSWORD, LIMIT), ZipOpenException.Reason.NOT_XML);
        // an archive that is only an end-of-central-directory record
        byte[] empty = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertReason(() -> PasswordZip.open(empty, PASSWORD, LIMIT), ZipOpenException.Reason.NO_ENTRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xml", "..\\evil.xml", "sub/a.xml", "/etc/a.xml", "C:a.xml", "a\u0001.xml", "dir/"})
    void entryNamesWithPathsAreRefused(String name) {
        assertReason(() -> PasswordZip.open(aes(name, xml("slip")), PASSWORD, LIMIT),
                ZipOpenException.Reason.UNSAFE_ENTRY_NAME);
    }

    @Test
    void anEntryInflatingPastTheLimitIsStopped() {
        byte[] bomb = aes("bomb.xml", new byte[20 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100 * 1024);
        assertReason(() -> PasswordZip.open(bomb, PASSWORD, LIMIT), ZipOpenException.Reason.TOO_LARGE);
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            ZipOpenException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZipOpenException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
