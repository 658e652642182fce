package org.openoqs.terminal.requests.eps;

import org.openoqs.terminal.central.EpsGateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.requests.ErrorResultWriter;

/**
 * EPS request files at the terminal: local file-level errors without a call, the service's answer written in its
 * character code, a 控え written as the PDF itself, refusals and outages as file-level results.
 */
class EpsRequestProcessorTest {

    static final String OWN = "0113810014";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));
    static final XmlDocumentReader READER = new XmlDocumentReader();

    final List<EpsOperation> calls = new ArrayList<>();
    XmlNode answer;
    RuntimeException failure;

    final EpsGateway gateway = new EpsGateway() {
        @Override
        public XmlNode send(EpsOperation operation, XmlNode request) {
            calls.add(operation);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public ReaderSettings readerSettings() {
            throw new UnsupportedOperationException();
        }
    };
    final EpsRequestProcessor processor = new EpsRequestProcessor(OWN, gateway, READER,
            new ErrorResultWriter(OWN, () -> CharacterCode.UTF_8, CLOCK, READER), CLOCK);

    static byte[] request(String institutionCode) {
        return new XmlDocumentWriter().writeBytes(XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", institutionCode)
                        .leaf("ArbitraryFileIdentifier", "abc"))
                .child("MessageBody", b -> b.leaf("PrescriptionId", "x")).build(), CharacterCode.UTF_8);
    }

    static XmlNode result(String characterCode, XmlNode.Builder body) {
        return XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("SegmentOfResult", "1").leaf("CharacterCodeIdentifier", characterCode))
                .child(body.build()).build();
    }

    @Test
    void theAnswerIsWrittenInItsCharacterCode() {
        answer = result("1", XmlNode.builder("MessageBody").leaf("ProcessingResultStatus", "1")
                .leaf("PrescriptionStatus", "調剤済"));
        ProcessedResult r = processor.process(new RequestFile("EPSsists01req_0001.xml", request(OWN)));
        assertThat(calls).containsExactly(EpsOperation.STATUS);
        assertThat(r.resultFileName()).isEqualTo("EPSsists01res_0001.xml");
        assertThat(new String(r.content(), 0, 50, StandardCharsets.US_ASCII)).contains("Shift_JIS");
        assertThat(READER.read(r.content()).path("MessageBody", "PrescriptionStatus").map(XmlNode::text)).contains("調剤済");
    }

    @Test
    void aCopyIsWrittenAsThePdfAndARefusedCopyAsXml() {
        byte[] pdf = "%PDF-1.7 synthetic".getBytes(StandardCharsets.US_ASCII);
        answer = result("0", XmlNode.builder("MessageBody").leaf("ProcessingResultStatus", "1")
                .leaf("PrescriptionReferenceInformationFile", Base64.getEncoder().encodeToString(pdf)));
        ProcessedResult copy = processor.process(new RequestFile("EPSsicpy01req_0002.xml", request(OWN)));
        assertThat(copy.resultFileName()).isEqualTo("EPSsicpy01res_0002.pdf");
        assertThat(copy.content()).isEqualTo(pdf);

        answer = result("0", XmlNode.builder("MessageBody").leaf("ProcessingResultStatus", "2")
                .leaf("ProcessingResultCode", "EPSB1041E"));
        assertThat(processor.process(new RequestFile("EPSsicpy01req_0003.xml", request(OWN))).resultFileName())
                .isEqualTo("EPSsicpy01res_0003.xml");
    }

    @Test
    void brokenFilesAndAnotherFacilitysCodeAreAnsweredLocally() {
        XmlNode malformed = READER.read(processor.process(new RequestFile("EPSsireg01req_0004.xml",
                "<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8))).content());
        assertThat(malformed.path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains("OQSF1003");
        XmlNode foreign = READER.read(processor.process(new RequestFile("EPSsireg01req_0005.xml",
                request(org.openoqs.core.number.CheckDigit.complete("013401400")))).content());
        assertThat(foreign.path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains("OQSF1204");
        assertThat(foreign.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text)).contains("abc");
        assertThat(foreign.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("9");
        assertThat(READER.read(processor.process(RequestFile.oversizedFile("EPSsireg01req_0006.xml")).content())
                .path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains("OQSF1002");
        assertThat(calls).isEmpty();
    }

    @Test
    void refusalsAndOutagesBecomeFileLevelResults() {
        failure = new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED, "証明書が失効しています");
        XmlNode refused = READER.read(processor.process(new RequestFile("EPSsircv01req_0007.xml", request(OWN))).content());
        assertThat(refused.path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains("OQSF9002");
        assertThat(refused.path("MessageHeader", "ErrorMessage").map(XmlNode::text).orElseThrow())
                .contains("証明書が失効しています");

        ProcessedResult down = processor.answerServiceUnavailable(new RequestFile("EPSsircv01req_0008.xml", request(OWN)),
                Duration.ofSeconds(120));
        assertThat(down.resultFileName()).isEqualTo("EPSsircv01res_0008.xml");
        assertThat(READER.read(down.content()).path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains("OQSF9001");
    }
}
