package org.openoqs.terminal.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The simulated bulk service answers 一括照会 person by person through the inquiry simulator and refuses what the
 * real service refuses: every file of the bulk corpus gets the answer its index names (the flows that need the
 * service's consents, 医療券 or 照会番号 are checked the same way and then answered "not supported"); it follows the
 * outage switch ({@code AllSimulatedTerminalTest}: a terminal built all-simulated, through its folders).
 */
class SimulatedBulkCentralServiceTest {

    private static final String CODE = ExampleCorpus.DEMO_INSTITUTION_CODE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    private final SimulatedCentralService inquiry = new SimulatedCentralService(CODE,
            new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
    private final SimulatedBulkCentralService bulk = new SimulatedBulkCentralService(inquiry, CLOCK);

    static Stream<ExampleCorpus.Example> corpus() {
        return ExampleCorpus.bulk().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCorpusFileGetsTheAnswerTheServiceGives(ExampleCorpus.Example example) throws IOException {
        RequestType type = RequestType.ofPrefix(example.kind().substring(0, 10)).orElseThrow();
        BulkKind kind = BulkKind.ofRequestType(type).orElseThrow();
        if (type == kind.downloadType()) {
            BulkResultHeader header = result(bulk.download(kind, example.bytes())).header();
            assertThat(header.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(header.errorCode()).isEqualTo(example.expected());
            return;
        }
        BulkReceipt receipt = receipt(bulk.upload(kind, example.bytes(), null));
        if (!example.expected().startsWith("accepted")) {
            assertThat(receipt.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(receipt.errorCode()).isEqualTo(example.expected());
            return;
        }
        if (kind != BulkKind.QUALIFICATION) { // the service's database decides these; the simulator says so
            assertThat(receipt.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(receipt.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_REQUEST_TYPE.code());
            return;
        }
        assertThat(receipt.segmentOfResult()).as(receipt.errorMessage()).isEqualTo(SegmentOfResult.COMPLETED);
        Result result = result(bulk.download(kind, download(receipt.receptionNumber())));
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        List<String> outcomes = List.of(example.expected().substring(example.expected().indexOf(':') + 1).split(";"));
        assertThat(result.units()).extracting(u -> u.isError() ? u.processingResultCode()
                : "validity=" + u.qualificationValidity().code()).containsExactlyElementsOf(outcomes);
        assertThat(result.header().numberOfProcessingResult()).isEqualTo(outcomes.size());
        assertThat(result.header().numberOfError())
                .isEqualTo((int) outcomes.stream().filter(o -> o.startsWith("OQS")).count());
    }

    @Test
    void aBulkAnswerAboutAPersonIsTheSingleInquirysAnswer() throws IOException {
        byte[] file = corpusFile("muquc-personas.xml");
        List<BulkConfirmUnit> units = result(bulk.download(BulkKind.QUALIFICATION,
                download(receipt(bulk.upload(BulkKind.QUALIFICATION, file, null)).receptionNumber()))).units();
        for (BulkConfirmUnit unit : units) {
            var single = inquiry.inquire(new org.openoqs.core.message.QualificationInquiryRequest(
                    new org.openoqs.core.message.RequestHeader("20260401", CODE, "single"), unit.searchInfoEcho()));
            assertThat(unit.results()).isEqualTo(single.body().results());
            assertThat(unit.qualificationValidity()).isEqualTo(single.body().qualificationValidity());
        }
    }

    @Test
    void anotherFacilitysFileIsRefusedAsTheServiceRefusesIt() {
        byte[] file = new String(corpusFile("muquc-personas.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace(CODE, ExampleCorpus.OTHER_INSTITUTION_CODE).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> bulk.upload(BulkKind.QUALIFICATION, file, null))
                .isInstanceOfSatisfying(CentralServiceRefusedException.class,
                        refused -> assertThat(refused.errorCode()).isEqualTo(ErrorCode.INSTITUTION_MISMATCH));
    }

    @Test
    void aResultIsAskedForWithItsOwnFlowAndTheSameKeyGivesTheSameJob() {
        byte[] file = corpusFile("muquc-personas.xml");
        String reception = receipt(bulk.upload(BulkKind.QUALIFICATION, file, "key-1")).receptionNumber();
        assertThat(reception).matches("20260401\\d{12}");
        assertThat(receipt(bulk.upload(BulkKind.QUALIFICATION, file, "key-1")).receptionNumber()).isEqualTo(reception);
        assertThat(receipt(bulk.upload(BulkKind.QUALIFICATION, file, "key-2")).receptionNumber()).isNotEqualTo(reception);
        BulkResultHeader other = resultUnchecked(bulk.download(BulkKind.HOME_VISIT, download(reception)));
        assertThat(other.errorCode()).isEqualTo(ErrorCode.RECEPTION_KIND_MISMATCH.code());
    }

    @Test
    void whileSwitchedDownEveryCallIsAnOutage() {
        inquiry.setAvailable(false);
        byte[] file = corpusFile("muquc-personas.xml");
        assertThatThrownBy(() -> bulk.upload(BulkKind.QUALIFICATION, file, null))
                .isInstanceOf(CentralServiceUnavailableException.class);
        assertThatThrownBy(() -> bulk.download(BulkKind.QUALIFICATION, download("20260401000000000001")))
                .isInstanceOf(CentralServiceUnavailableException.class);
        inquiry.setAvailable(true);
        assertThat(receipt(bulk.upload(BulkKind.QUALIFICATION, file, null)).accepted()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Result(BulkResultHeader header, List<BulkConfirmUnit> units) {
    }

    private static Result result(byte[] file) throws IOException {
        BulkResultHeader[] header = new BulkResultHeader[1];
        List<BulkConfirmUnit> units = new ArrayList<>();
        new BulkFileReader().read(new ByteArrayInputStream(file), new BulkFileReader.Handler() {
            @Override
            public void header(XmlNode node) {
                header[0] = BulkMessages.readResultHeader(node);
            }

            @Override
            public void bodyElement(XmlNode element) {
                units.add(BulkMessages.readConfirmUnit(element));
            }
        });
        return new Result(header[0], units);
    }

    private static BulkResultHeader resultUnchecked(byte[] file) {
        return BulkMessages.readResultHeader(new XmlDocumentReader().read(file)
                .child(org.openoqs.core.codec.QualificationMessages.HEADER).orElseThrow());
    }

    private static BulkReceipt receipt(byte[] file) {
        return BulkMessages.readReceipt(new XmlDocumentReader().read(file));
    }

    private static byte[] download(String receptionNumber) {
        return new XmlDocumentWriter().writeBytes(BulkMessages.downloadRequestToXml(
                new BulkDownloadRequest(CODE, "download", receptionNumber)), CharacterCode.UTF_8);
    }

    private static byte[] corpusFile(String name) {
        return ExampleCorpus.bulk().stream().filter(e -> e.file().equals(name)).findFirst().orElseThrow().bytes();
    }
}
