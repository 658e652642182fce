package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * A terminal built on {@code CentralServicePorts.simulated} runs without a server: single and bulk 資格確認 request
 * files dropped into its req folder are answered through its folders, the bulk ones person by person by the same
 * simulated service.
 */
class AllSimulatedTerminalTest {

    @TempDir
    Path root;
    private TerminalHarness harness;

    @BeforeEach
    void start() throws Exception {
        harness = new TerminalHarness(root, LinkageSettings.defaults().withRescanInterval(Duration.ofMillis(50)),
                central -> CentralServicePorts.simulated(central, TerminalHarness.CLOCK));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void bulkRequestFilesAreAnsweredThroughTheFolders() throws Exception {
        byte[] upload = ExampleCorpus.bulk().stream().filter(e -> e.file().equals("muquc-personas.xml"))
                .findFirst().orElseThrow().bytes();
        harness.drop("OQSmuquc01req_000000000001.xml", upload);
        BulkReceipt receipt = BulkMessages.readReceipt(new XmlDocumentReader().read(
                harness.awaitResult("OQSmuquc01res_000000000001.xml", Duration.ofSeconds(10))));
        assertThat(receipt.accepted()).as(receipt.errorMessage()).isTrue();

        harness.drop("OQSmuquc02req_000000000002.xml", new XmlDocumentWriter().writeBytes(
                BulkMessages.downloadRequestToXml(new BulkDownloadRequest(ExampleCorpus.DEMO_INSTITUTION_CODE, "dl",
                        receipt.receptionNumber())), CharacterCode.UTF_8));
        XmlNode result = new XmlDocumentReader().read(
                harness.awaitResult("OQSmuquc02res_000000000002.xml", Duration.ofSeconds(10)));
        assertThat(BulkMessages.readResultHeader(result.child(QualificationMessages.HEADER).orElseThrow())
                .segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.child(QualificationMessages.BODY).orElseThrow().children(BulkMessages.CONFIRM_UNIT))
                .hasSize(15);
    }

    @Test
    void aSingleInquiryIsAnsweredToo() throws Exception {
        ExampleCorpus.Example persona = ExampleCorpus.valid().get(0);
        harness.drop("OQSsiquc01req_000000000003.xml", persona.bytes());
        assertThat(harness.awaitParsed("OQSsiquc01res_000000000003.xml").header().segmentOfResult())
                .isEqualTo(SegmentOfResult.COMPLETED);
    }
}
