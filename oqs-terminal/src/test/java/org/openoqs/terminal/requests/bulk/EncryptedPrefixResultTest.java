package org.openoqs.terminal.requests.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;

/**
 * A large result of a prefix that encrypt.conf encrypts stays plain XML here: the terminal's password ZIP is its
 * container, and a ZIP inside that ZIP would only be in the レセコン's way. Plain prefixes get the ZIP.
 */
class EncryptedPrefixResultTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @Test
    void onlyPlainPrefixesZipLargeResults() {
        RecordingBulkService service = new RecordingBulkService();
        byte[] large = new byte[ZipDelivery.THRESHOLD_BYTES + 10];
        Arrays.fill(large, (byte) 'y');
        service.answerDownloadsWith(() -> large);
        Map<RequestType, RequestProcessor> processors = new EnumMap<>(RequestType.class);
        BulkRequestProcessors.addTo(processors, "0113810014", service,
                new ErrorResultWriter("0113810014", () -> CharacterCode.UTF_8, CLOCK, new XmlDocumentReader()), CLOCK,
                prefix -> prefix.equals("OQSmuquc02"));
        byte[] request = "<XmlMsg/>".getBytes(StandardCharsets.UTF_8);

        ProcessedResult encrypted = processors.get(RequestType.BULK_QUALIFICATION_DOWNLOAD)
                .process(new RequestFile("OQSmuquc02req_1.xml", request));
        assertThat(encrypted.resultFileName()).isEqualTo("OQSmuquc02res_1.xml");
        assertThat(encrypted.content()).isEqualTo(large);

        ProcessedResult plain = processors.get(RequestType.BULK_MEDICAL_ASSISTANCE_DOWNLOAD)
                .process(new RequestFile("OQSmutic02req_1.xml", request));
        assertThat(plain.resultFileName()).isEqualTo("OQSmutic02res_1.zip");
    }
}
