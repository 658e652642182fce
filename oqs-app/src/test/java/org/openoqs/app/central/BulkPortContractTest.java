package org.openoqs.app.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.BulkCentralService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.HttpsBulkCentralService;
import org.openoqs.terminal.central.SimulatedBulkCentralService;

/**
 * The bulk port's contract, run on the simulated implementation and on the HTTPS one against the real service with
 * the same synthetic population: the same 一括照会 gets the same receipt, the same units (per-entry errors included)
 * and the same refusals.
 */
class BulkPortContractTest {

    enum Port {
        SIMULATED {
            @Override
            BulkCentralService open() {
                return new SimulatedBulkCentralService(LiveCentralService.simulated(),
                        Clock.system(org.openoqs.terminal.TerminalConfig.JAPAN));
            }
        },
        HTTPS {
            @Override
            BulkCentralService open() {
                return new HttpsBulkCentralService(LiveCentralService.get().transport);
            }
        };

        abstract BulkCentralService open();
    }

    private static final String CODE = LiveCentralService.CODE;

    @ParameterizedTest
    @EnumSource(Port.class)
    void eachPersonIsAnsweredAsASingleInquiryWouldBeAndBadEntriesGetTheirOwnError(Port port) throws Exception {
        BulkCentralService bulk = port.open();
        List<Qualification> inForce = qualificationsInForce(3);
        Map<String, Person> persons = persons();
        List<QualificationConfirmSearchInfo> entries = new ArrayList<>();
        for (Qualification q : inForce) {
            entries.add(entry(q.insurerNumber().fileForm(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                    q.insuredBranchNumber(), persons.get(q.personId()).birthdate()));
        }
        entries.add(entry("123", null, "1", null, LocalDate.of(1980, 1, 1))); // not an insurer number
        entries.add(entry(inForce.get(0).insurerNumber().fileForm(), "無い記号", "99999999", null,
                LocalDate.of(1980, 1, 1))); // nobody
        BulkReceipt receipt = receipt(bulk.upload(BulkKind.QUALIFICATION, upload(CODE, "contract-1", entries),
                "contract-" + port + "-" + System.nanoTime()));
        assertThat(receipt.accepted()).isTrue();
        assertThat(receipt.receptionNumber()).matches("\\d{20}");
        assertThat(receipt.qualificationConfirmationDate()).isEqualTo(LiveCentralService.today());

        Result result = awaitResult(bulk, receipt.receptionNumber());
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().numberOfProcessingResult()).isEqualTo(5);
        assertThat(result.header().numberOfNormalProcessing()).isEqualTo(4);
        assertThat(result.header().numberOfError()).isEqualTo(1);
        List<BulkConfirmUnit> units = result.units();
        assertThat(units).hasSize(5);
        for (int i = 0; i < 3; i++) {
            BulkConfirmUnit unit = units.get(i);
            assertThat(unit.processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
            assertThat(unit.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
            assertThat(unit.results()).extracting(r -> r.name())
                    .containsOnly(persons.get(inForce.get(i).personId()).name());
        }
        assertThat(units.get(3).processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
        assertThat(units.get(3).processingResultCode()).isEqualTo(ErrorCode.INVALID_INSURER_NUMBER_FORMAT.code());
        assertThat(units.get(3).searchInfoEcho().insurerNumber()).isEqualTo("123");
        assertThat(units.get(4).processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
        assertThat(units.get(4).qualificationValidity()).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(units.get(4).results()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void aRetriedUploadWithTheSameKeyGetsTheSameReceptionNumber(Port port) throws Exception {
        BulkCentralService bulk = port.open();
        byte[] file = upload(CODE, "contract-2", List.of(firstEntry()));
        String key = "retry-" + port + "-" + System.nanoTime();
        String first = receipt(bulk.upload(BulkKind.QUALIFICATION, file, key)).receptionNumber();
        assertThat(receipt(bulk.upload(BulkKind.QUALIFICATION, file, key)).receptionNumber()).isEqualTo(first);
        assertThat(receipt(bulk.upload(BulkKind.QUALIFICATION, file, key + "-other")).receptionNumber())
                .isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(Port.class)
    void whatTheServiceRefusesTheSimulatorRefusesWithTheSameCode(Port port) throws Exception {
        BulkCentralService bulk = port.open();
        assertThatThrownBy(() -> bulk.upload(BulkKind.QUALIFICATION, upload("1313810010", "other", List.of(firstEntry())),
                null)).isInstanceOfSatisfying(CentralServiceRefusedException.class,
                        refused -> assertThat(refused.errorCode()).isEqualTo(ErrorCode.INSTITUTION_MISMATCH));

        BulkReceipt empty = receipt(bulk.upload(BulkKind.QUALIFICATION, upload(CODE, "empty", List.of()), null));
        assertThat(empty.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(empty.errorCode()).isEqualTo(ErrorCode.NO_BULK_ENTRIES.code());

        BulkReceipt broken = receipt(bulk.upload(BulkKind.QUALIFICATION, "<XmlMsg><MessageHeader>".getBytes(), null));
        assertThat(broken.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(broken.errorCode()).isEqualTo(ErrorCode.MALFORMED_XML.code());

        BulkResultHeader unknown = result(bulk.download(BulkKind.QUALIFICATION, download("20000101000000000000")))
                .header();
        assertThat(unknown.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(unknown.errorCode()).isEqualTo(ErrorCode.UNKNOWN_RECEPTION_NUMBER.code());

        String reception = receipt(bulk.upload(BulkKind.QUALIFICATION, upload(CODE, "kind", List.of(firstEntry())),
                null)).receptionNumber();
        BulkResultHeader otherFlow = result(bulk.download(BulkKind.HOME_VISIT, download(reception))).header();
        assertThat(otherFlow.errorCode()).isEqualTo(ErrorCode.RECEPTION_KIND_MISMATCH.code());
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Result(BulkResultHeader header, List<BulkConfirmUnit> units) {
    }

    private static Result awaitResult(BulkCentralService bulk, String receptionNumber) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Result result = result(bulk.download(BulkKind.QUALIFICATION, download(receptionNumber)));
            if (result.header().segmentOfResult() != SegmentOfResult.PROCESSING || System.nanoTime() > deadline) {
                return result;
            }
            Thread.sleep(100);
        }
    }

    private static Result result(byte[] file) throws IOException {
        BulkResultHeader[] header = new BulkResultHeader[1];
        List<BulkConfirmUnit> units = new ArrayList<>();
        new BulkFileReader().read(new java.io.ByteArrayInputStream(file), new BulkFileReader.Handler() {
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

    private static BulkReceipt receipt(byte[] file) {
        return BulkMessages.readReceipt(new XmlDocumentReader().read(file));
    }

    private static byte[] download(String receptionNumber) {
        return new XmlDocumentWriter().writeBytes(BulkMessages.downloadRequestToXml(
                new BulkDownloadRequest(CODE, "contract-download", receptionNumber)), CharacterCode.UTF_8);
    }

    private static byte[] upload(String institutionCode, String fileId, List<QualificationConfirmSearchInfo> entries)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkDocumentWriter writer = new BulkDocumentWriter(out, CharacterCode.UTF_8);
        writer.begin(BulkMessages.uploadHeaderToXml(new RequestHeader(
                QualificationMessages.DATE.format(LiveCentralService.today()), institutionCode, fileId)));
        for (QualificationConfirmSearchInfo entry : entries) {
            writer.element(QualificationMessages.searchInfoToXml(entry));
        }
        writer.end();
        return out.toByteArray();
    }

    private static QualificationConfirmSearchInfo entry(String insurer, String symbol, String number, String branch,
            LocalDate birthdate) {
        return new QualificationConfirmSearchInfo(insurer, symbol, number, branch,
                QualificationMessages.DATE.format(birthdate), "1", null);
    }

    private static QualificationConfirmSearchInfo firstEntry() {
        Qualification q = qualificationsInForce(1).get(0);
        return entry(q.insurerNumber().fileForm(), q.insuredCardSymbol(), q.insuredIdentificationNumber(),
                q.insuredBranchNumber(), persons().get(q.personId()).birthdate());
    }

    /** Qualifications in force today of persons with a single such qualification (one record each). */
    private static List<Qualification> qualificationsInForce(int count) {
        LocalDate today = LiveCentralService.today();
        List<Qualification> all = LiveCentralService.population().qualifications();
        Map<String, Integer> perPerson = new HashMap<>();
        all.stream().filter(q -> q.isValidOn(today)).forEach(q -> perPerson.merge(q.personId(), 1, Integer::sum));
        return all.stream().filter(q -> q.isValidOn(today) && !q.isMedicalAssistance()
                        && perPerson.get(q.personId()) == 1)
                .limit(count).toList();
    }

    private static Map<String, Person> persons() {
        Map<String, Person> persons = new HashMap<>();
        LiveCentralService.population().persons().forEach(p -> persons.put(p.personId(), p));
        return persons;
    }
}
