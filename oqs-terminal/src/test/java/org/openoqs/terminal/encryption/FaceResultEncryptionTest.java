package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.xml;

import org.junit.jupiter.api.Test;
import org.openoqs.terminal.linkage.ProcessedResult;

/** Face-folder files: sealed as .zip when their kind is e, untouched otherwise, prescription always plain. */
class FaceResultEncryptionTest {

    static final String FACE_NAME = "OQSsiquc01res_face_0113810014abcdef0123456789abcd_20260401093000.xml";

    @Test
    void encryptedKindIsSealed() throws Exception {
        FaceResultEncryption face = new FaceResultEncryption(
                EncryptionConfig.parse(null, "face=e\nprescription=e\n"), PASSWORD);

        ProcessedResult sealed = face.prepare("face", FACE_NAME, xml("face"));
        assertThat(sealed.resultFileName()).isEqualTo(FACE_NAME.replace(".xml", ".zip"));
        PasswordZip.Entry entry = PasswordZip.open(sealed.content(), PASSWORD, LIMIT);
        assertThat(entry.name()).isEqualTo(FACE_NAME);
        assertThat(entry.content()).isEqualTo(xml("face"));

        ProcessedResult prescription = face.prepare("prescription", FACE_NAME, xml("rx"));
        assertThat(prescription.resultFileName()).isEqualTo(FACE_NAME);
        assertThat(prescription.content()).isEqualTo(xml("rx"));
    }

    @Test
    void plainByDefault() {
        FaceResultEncryption face = new FaceResultEncryption(EncryptionConfig.allPlain(), null);
        assertThat(face.prepare("face", FACE_NAME, xml("f")).resultFileName()).isEqualTo(FACE_NAME);
        assertThat(face.encrypts("face")).isFalse();
    }
}
