package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.errors;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.xml;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.message.RequestType;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;

/**
 * Every prefix that can be switched to {@code e}: the request arrives as .zip, the inner processor sees the plain
 * XML under the .xml name, the result leaves as .zip holding the inner result; with {@code n} nothing changes.
 */
class EncryptedRoundTripTest {

    static Stream<String> switchablePrefixes() {
        return Stream.of(RequestType.values()).map(RequestType::prefix)
                .filter(prefix -> EncryptionConfig.switchableKeys().contains(prefix.substring(0, 8)));
    }

    @ParameterizedTest
    @MethodSource("switchablePrefixes")
    void encryptedRequestGivesEncryptedResult(String prefix) throws Exception {
        EncryptionConfig config = EncryptionConfig.parse(prefix.substring(0, 8) + "=e\n", null);
        EncryptionTestSupport.EchoProcessor inner = new EncryptionTestSupport.EchoProcessor();
        EncryptingRequestProcessor processor = new EncryptingRequestProcessor(inner, config, PASSWORD, errors(), LIMIT);
        byte[] request = xml("enc-" + prefix);

        ProcessedResult result = processor.process(new RequestFile(prefix + "req_202604010001.zip",
                PasswordZip.seal(prefix + "req_202604010001.xml", request, PASSWORD)));

        assertThat(inner.seen).singleElement().satisfies(seen -> {
            assertThat(seen.name()).isEqualTo(prefix + "req_202604010001.xml");
            assertThat(seen.content()).isEqualTo(request);
        });
        assertThat(result.resultFileName()).isEqualTo(prefix + "res_202604010001.zip");
        PasswordZip.Entry opened = PasswordZip.open(result.content(), PASSWORD, LIMIT);
        assertThat(opened.name()).isEqualTo(prefix + "res_202604010001.xml");
        assertThat(EncryptionTestSupport.text(opened.content())).isEqualTo("ANSWER:" + EncryptionTestSupport.text(request));
    }

    @ParameterizedTest
    @MethodSource("switchablePrefixes")
    void plainPrefixesPassThroughUntouched(String prefix) {
        EncryptionConfig config = EncryptionConfig.parse(prefix.substring(0, 8) + "=n\n", null);
        EncryptionTestSupport.EchoProcessor inner = new EncryptionTestSupport.EchoProcessor();
        RequestFile request = new RequestFile(prefix + "req_1.xml", xml("plain"));

        ProcessedResult result = new EncryptingRequestProcessor(inner, config, null, errors(), LIMIT).process(request);

        assertThat(inner.seen).containsExactly(request);
        assertThat(result.resultFileName()).isEqualTo(prefix + "res_1.xml");
    }
}
