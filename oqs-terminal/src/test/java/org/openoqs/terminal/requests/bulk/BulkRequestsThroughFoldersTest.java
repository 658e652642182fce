package org.openoqs.terminal.requests.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * The terminal's part of the bulk flows, through real folders: files go to the service unchanged with a stable
 * idempotency key, what the terminal can judge itself is answered locally, large results arrive as ZIP, and an
 * outage only delays the answer.
 */
class BulkRequestsThroughFoldersTest {

    private static final String CODE = "0113810014";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path root;
    private RecordingBulkService service;
    private FacilityTerminal terminal;

    @BeforeEach
    void start() throws Exception {
        service = new RecordingBulkService();
        SimulatedCentralService central = new SimulatedCentralService(CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        terminal = FacilityTerminal.start(new TerminalConfig(CODE, URI.create("https://unused.invalid/"), null, null, null,
                null, LinkageFolders.under(root), LinkageSettings.defaults().withRescanInterval(Duration.ofMillis(50))
                        .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(100)), null, null, CLOCK),
                CentralServicePorts.of(central).withBulk(service));
    }

    @AfterEach
    void stop() {
        terminal.close();
    }

    private static byte[] upload(String institutionCode) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><QualificationConfirmationDate>20260401"
                + "</QualificationConfirmationDate><MedicalInstitutionCode>" + institutionCode + "</MedicalInstitutionCode>"
                + "<ArbitraryFileIdentifier>f-1</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<QualificationConfirmSearchInfo><InsurerNumber>06139992</InsurerNumber></QualificationConfirmSearchInfo>"
                + "</MessageBody></XmlMsg>").getBytes(StandardCharsets.UTF_8);
    }

    private void drop(String name, byte[] content) throws Exception {
        Path temp = root.resolve("req").resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, root.resolve("req").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] await(String name) throws Exception {
        Path file = root.resolve("res").resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no result " + name);
            }
            Thread.sleep(10);
        }
        return Files.readAllBytes(file);
    }

    private static BulkReceipt receipt(byte[] bytes) {
        return BulkMessages.readReceipt(new XmlDocumentReader().read(bytes));
    }

    @Test
    void anUploadGoesToTheServiceUnchangedAndItsReceiptIsPublished() throws Exception {
        byte[] file = upload(CODE);
        drop("OQSmuquc01req_000000000001.xml", file);
        BulkReceipt receipt = receipt(await("OQSmuquc01res_000000000001.xml"));
        assertThat(receipt.receptionNumber()).isEqualTo(RecordingBulkService.RECEPTION_NUMBER);
        assertThat(service.calls()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(BulkKind.QUALIFICATION);
            assertThat(c.upload()).isTrue();
            assertThat(c.file()).isEqualTo(file);
            assertThat(c.idempotencyKey()).startsWith("file-sha256:");
        });
    }

    @Test
    void anOutageOnlyDelaysTheUploadAndTheRetryCarriesTheSameKey() throws Exception {
        service.unreachableFor(2);
        drop("OQSmutic01req_000000000002.xml", upload(CODE));
        assertThat(receipt(await("OQSmutic01res_000000000002.xml")).accepted()).isTrue();
        List<RecordingBulkService.Call> calls = service.calls();
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.kind()).isEqualTo(BulkKind.MEDICAL_ASSISTANCE));
        assertThat(calls).extracting(RecordingBulkService.Call::idempotencyKey).containsOnly(calls.get(0).idempotencyKey());
    }

    @Test
    void aFileNamingAnotherFacilityIsRefusedWithoutAskingTheService() throws Exception {
        drop("OQSmuimm01req_000000000003.xml", upload("1313810010"));
        BulkReceipt receipt = receipt(await("OQSmuimm01res_000000000003.xml"));
        assertThat(receipt.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(receipt.errorCode()).isEqualTo("OQSF1204");
        assertThat(receipt.arbitraryFileIdentifier()).isEqualTo("f-1");
        assertThat(service.calls()).isEmpty();
    }

    @Test
    void aSmallResultIsPublishedAsXmlAndALargeOneAsZip() throws Exception {
        byte[] small = RecordingBulkService.processing();
        drop("OQSmuquc02req_000000000004.xml", "<XmlMsg/>".getBytes(StandardCharsets.UTF_8));
        assertThat(await("OQSmuquc02res_000000000004.xml")).isEqualTo(small);

        byte[] large = new byte[ZipDelivery.THRESHOLD_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'x');
        service.answerDownloadsWith(() -> large);
        drop("OQSmuhvq02req_000000000005.xml", "<XmlMsg/>".getBytes(StandardCharsets.UTF_8));
        byte[] zip = await("OQSmuhvq02res_000000000005.zip");
        assertThat(zip.length).isLessThan(large.length / 10);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("OQSmuhvq02res_000000000005.xml");
            assertThat(in.readAllBytes()).isEqualTo(large);
            assertThat(in.getNextEntry()).isNull();
        }
        assertThat(root.resolve("res").resolve("OQSmuhvq02res_000000000005.xml")).doesNotExist();
    }
}
