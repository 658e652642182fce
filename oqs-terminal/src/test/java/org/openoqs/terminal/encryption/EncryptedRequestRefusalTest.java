package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.OTHER_PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.aes;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.errors;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.xml;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;

/**
 * Requests of an encrypted prefix that cannot be opened get a plain file-level error result (OQSF1304, or OQSF1002
 * for a zip bomb) under {@code res_<id>.xml}; the inner processor is never called; nothing throws.
 */
class EncryptedRequestRefusalTest {

    static final String NAME = "OQSsiquc01req_202604010001";

    EncryptionTestSupport.EchoProcessor inner;
    EncryptingRequestProcessor processor;

    @BeforeEach
    void setUp() {
        inner = new EncryptionTestSupport.EchoProcessor();
        processor = new EncryptingRequestProcessor(inner, EncryptionConfig.parse("OQSsiquc=e\n", null), PASSWORD,
                errors(), LIMIT);
    }

    @Test
    void wrongPassword() {
        ResultHeader header = refused(NAME + ".zip",
                PasswordZip.seal(NAME + ".xml", xml("wrong-pw"), OTHER_PASSWORD));
        assertThat(header.errorCode()).isEqualTo("OQSF1304");
        assertThat(header.errorMessage()).contains("暗号化パスワードの設定を確認してください", "暗号化パスワードが一致しません");
    }

    @Test
    void plainXmlWhereEncryptedIsExpected() {
        ResultHeader header = refused(NAME + ".xml", xml("PLAIN-ID"));
        assertThat(header.errorCode()).isEqualTo("OQSF1304");
        assertThat(header.errorMessage()).contains(".zip");
        assertThat(header.arbitraryFileIdentifier()).as("the readable header is echoed").isEqualTo("PLAIN-ID");
    }

    @Test
    void corruptArchiveOrNoArchive() {
        assertThat(refused(NAME + ".zip", "not a zip at all".getBytes()).errorMessage()).contains("ZIP形式");
        byte[] sealed = PasswordZip.seal(NAME + ".xml", xml("x".repeat(300)), PASSWORD);
        assertThat(refused(NAME + ".zip", java.util.Arrays.copyOf(sealed, sealed.length / 2)).errorCode())
                .isEqualTo("OQSF1304");
    }

    @Test
    void zipSlipAndSeveralEntries() {
        assertThat(refused(NAME + ".zip", aes("../../etc/" + NAME + ".xml", xml("slip"))).errorMessage())
                .contains("ファイル名が正しくありません");
        assertThat(refused(NAME + ".zip", aes(NAME + ".xml", xml("1"), "extra.xml", xml("2"))).errorMessage())
                .contains("複数のファイル");
    }

    @Test
    void zipBombIsAnsweredAsTooLarge() {
        ResultHeader header = refused(NAME + ".zip", aes(NAME + ".xml", new byte[8 * 1024 * 1024]));
        assertThat(header.errorCode()).isEqualTo("OQSF1002");
        assertThat(header.errorMessage()).contains("展開後");
    }

    @Test
    void theInnerProcessorsOutageStillReachesTheAgent() {
        EncryptingRequestProcessor failing = new EncryptingRequestProcessor(request -> {
            throw new CentralServiceUnavailableException("down");
        }, EncryptionConfig.parse("OQSsiquc=e\n", null), PASSWORD, errors(), LIMIT);
        assertThatThrownBy(() -> failing.process(new RequestFile(NAME + ".zip",
                PasswordZip.seal(NAME + ".xml", xml("x"), PASSWORD))))
                .isInstanceOf(CentralServiceUnavailableException.class);
    }

    @Test
    void anEncryptedConfigurationWithoutPasswordCannotBeBuilt() {
        assertThatThrownBy(() -> new EncryptingRequestProcessor(inner, EncryptionConfig.parse("OQSsiquc=e\n", null),
                null, errors(), LIMIT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OQS_CRYPT_PASS");
    }

    private ResultHeader refused(String name, byte[] content) {
        ProcessedResult result = processor.process(new RequestFile(name, content));
        assertThat(inner.seen).as("the inner processor is not called").isEmpty();
        assertThat(result.resultFileName()).isEqualTo("OQSsiquc01res_202604010001.xml");
        ResultHeader header = QualificationMessages.parseResult(result.content()).header();
        assertThat(header.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        return header;
    }
}
