package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.message.RequestType;

/** encrypt.conf / encrypt_face.conf: syntax, key forms, the always-plain types, defaults. */
class EncryptionConfigTest {

    @TempDir
    Path config;

    @Test
    void missingFilesMeanEverythingPlain() {
        EncryptionConfig loaded = EncryptionConfig.load(config);
        assertThat(loaded.anyEncrypted()).isFalse();
        for (RequestType type : RequestType.values()) {
            assertThat(loaded.encrypts(type.prefix())).isFalse();
        }
    }

    @Test
    void linesCommentsBlanksBomAndCase() throws Exception {
        Files.writeString(config.resolve("encrypt.conf"), "\uFEFF# comment\r\n\r\n  OQSsiquc = E \r\n"
                + "YZKsiquc=n\nTKKsiquc=e\nnot a setting\nlowercase=e\n", StandardCharsets.UTF_8);
        EncryptionConfig loaded = EncryptionConfig.load(config);

        assertThat(loaded.encrypts("OQSsiquc01")).isTrue();
        assertThat(loaded.encrypts("TKKsiquc01")).isTrue();
        assertThat(loaded.encrypts("YZKsiquc01")).isFalse();
        assertThat(loaded.encrypts("OQSsiimm01")).isFalse(); // not listed
        assertThat(loaded.anyEncrypted()).isTrue();
        assertThat(loaded.encryptedRequestKeys()).containsExactly("OQSsiquc", "TKKsiquc");
    }

    @Test
    void aFullPrefixWinsOverItsEightCharacterKey() {
        EncryptionConfig loaded = EncryptionConfig.parse("OQSmuquc=e\nOQSmuquc02=n\n", null);
        assertThat(loaded.encrypts("OQSmuquc01")).isTrue();
        assertThat(loaded.encrypts("OQSmuquc02")).isFalse();
    }

    @Test
    void theLastOfRepeatedLinesWins() {
        assertThat(EncryptionConfig.parse("OQSsiquc=e\nOQSsiquc=n\n", null).encrypts("OQSsiquc01")).isFalse();
    }

    @Test
    void alwaysPlainTypesStayPlainEvenWhenSetToE() {
        StringBuilder all = new StringBuilder();
        for (String key : EncryptionConfig.ALWAYS_PLAIN_KEYS) {
            all.append(key).append("=e\n");
        }
        all.append("EPSsipre=e\nEPSmupre01=e\n");
        EncryptionConfig loaded = EncryptionConfig.parse(all.toString(), "prescription=e\npublicmedicalhub=e\n");

        for (String key : EncryptionConfig.ALWAYS_PLAIN_KEYS) {
            assertThat(loaded.encrypts(key + "01")).as(key).isFalse();
        }
        assertThat(loaded.encrypts("EPSsipre01")).isFalse();
        assertThat(loaded.encrypts("EPSmupre01")).isFalse();
        assertThat(loaded.encryptsFace("prescription")).isFalse();
        assertThat(loaded.encryptsFace("publicmedicalhub")).isFalse();
        assertThat(loaded.anyEncrypted()).as("nothing is actually encrypted").isFalse();
    }

    @Test
    void faceKindsAreSwitchedByTheirOwnFile() {
        EncryptionConfig loaded = EncryptionConfig.parse(null, "Face=e\n");
        assertThat(loaded.encryptsFace("face")).isTrue();
        assertThat(loaded.encrypts("OQSsiquc01")).isFalse();
        assertThat(loaded.anyEncrypted()).isTrue();
    }

    @Test
    void aValueOtherThanEOrNStopsWithFileAndLine() throws Exception {
        Files.writeString(config.resolve("encrypt.conf"), "OQSsiquc=e\nYZKsiquc=yes\n");
        assertThatThrownBy(() -> EncryptionConfig.load(config))
                .isInstanceOf(EncryptionConfigException.class)
                .hasMessageContaining("encrypt.conf の 2 行目")
                .hasMessageContaining("YZKsiquc")
                .hasMessageContaining("e（暗号化する）または n（暗号化しない）");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Files.write(config.resolve("encrypt_face.conf"), new byte[] {'#', (byte) 0x82, (byte) 0xA0, '\n'});
        assertThatThrownBy(() -> EncryptionConfig.load(config)).isInstanceOf(EncryptionConfigException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void theDefaultFilesListEveryKnownTypeAndEncryptNothing() throws Exception {
        EncryptionConfig.writeDefaultsIfAbsent(config);
        String text = Files.readString(config.resolve("encrypt.conf"));
        for (RequestType type : RequestType.values()) {
            assertThat(text).contains(type.prefix().substring(0, 8) + "=n");
        }
        assertThat(Files.readString(config.resolve("encrypt_face.conf")))
                .contains("face=n", "prescription=n", "publicmedicalhub=n");
        assertThat(EncryptionConfig.load(config).anyEncrypted()).isFalse();

        Files.writeString(config.resolve("encrypt.conf"), "OQSsiquc=e\n");
        EncryptionConfig.writeDefaultsIfAbsent(config);
        assertThat(EncryptionConfig.load(config).encrypts("OQSsiquc01")).as("an existing file is kept").isTrue();
    }

    @Test
    void switchableKeysAreTheKnownTypesThatAreNotForcedPlain() {
        assertThat(EncryptionConfig.switchableKeys())
                .containsExactly("OQSsiquc", "OQSmuquc", "OQSsiimm", "OQSmuimm", "YZKsiquc", "TKKsiquc", "CIPsiquc",
                        // the document and registration files (docs/clins.md): openoqs names, switchable like CIPsiquc
                        "CIPsidcl", "CIPsidcg", "CIPsickr", "CIPsibrg", "CIPsibdl");
    }
}
