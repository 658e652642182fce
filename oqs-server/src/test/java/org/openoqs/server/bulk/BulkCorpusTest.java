package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Every file of the bulk corpus ({@code oqs-examples …/bulk/}) gets the answer its index names: a file-level error
 * code, or acceptance with one outcome per entry. Each file is sent by a fresh facility of its own (its code
 * substituted for the demo facility's), so 照会番号 registered by one file are never seen by another test.
 */
class BulkCorpusTest {

    private static final SharedServer SHARED = SharedServer.get();

    static Stream<ExampleCorpus.Example> examples() {
        return ExampleCorpus.bulk().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachFileGetsItsExpectedAnswer(ExampleCorpus.Example example) throws Exception {
        BulkFixture.Facility facility = BulkFixture.clinic(true);
        byte[] bytes = substitute(example.bytes(), ExampleCorpus.DEMO_INSTITUTION_CODE, facility.code());
        RequestType type = RequestType.ofPrefix(example.kind().substring(0, 10)).orElseThrow();
        BulkKind kind = BulkKind.ofRequestType(type).orElseThrow();

        if (type == kind.downloadType()) {
            BulkApi.Response r = BulkApi.post(facility.client(), SHARED.base(), "api/v1/bulk/" + kind.slug() + "/results",
                    bytes, null);
            BulkApi.Result result = BulkApi.parse(r.body());
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(example.expected());
            return;
        }
        BulkApi.Response r = BulkApi.post(facility.client(), SHARED.base(), "api/v1/bulk/" + kind.slug() + "/jobs",
                bytes, null);
        BulkReceipt receipt = BulkMessages.readReceipt(new XmlDocumentReader().read(r.body()));
        if (!example.expected().startsWith("accepted")) {
            assertThat(receipt.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(receipt.errorCode()).isEqualTo(example.expected());
            return;
        }
        assertThat(receipt.segmentOfResult()).as(receipt.errorMessage()).isEqualTo(SegmentOfResult.COMPLETED);
        BulkApi.Result result = BulkApi.awaitFinal(facility.client(), SHARED.base(), kind, facility.code(),
                receipt.receptionNumber(), Duration.ofSeconds(30));
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        int colon = example.expected().indexOf(':');
        if (colon < 0) {
            return; // the units depend on what the facility registered; the flow's own tests check them
        }
        List<String> outcomes = List.of(example.expected().substring(colon + 1).split(";"));
        assertThat(result.units()).hasSize(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            assertThat(outcome(result.units().get(i))).as("entry %d", i + 1).isEqualTo(outcomes.get(i));
        }
    }

    /** {@code validity=N}, {@code ok} or the error code of a unit, in the index's notation. */
    private static String outcome(XmlNode unit) {
        if (unit.name().equals(BulkMessages.REGISTRATION_UNIT)) {
            var u = BulkMessages.readRegistrationUnit(unit);
            return u.processingResultStatus() == ProcessingResultStatus.COMPLETED ? "ok" : u.processingResultCode();
        }
        var u = BulkMessages.readConfirmUnit(unit);
        return u.isError() ? u.processingResultCode() : "validity=" + u.qualificationValidity().code();
    }

    private static byte[] substitute(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1); // byte for byte; ASCII digits are never trail bytes
        return text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
