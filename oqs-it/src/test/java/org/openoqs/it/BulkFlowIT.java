package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;

/**
 * The bulk flows through the real {@code oqs demo} process, as a レセコン drives them: {@code OQSmuquc01req_} into req,
 * the {@code 01res_} with its 受付番号 out of res, then {@code 02req_} files until the {@code 02res_} is final — small
 * results as {@code .xml}, large ones as {@code .zip}; a 受付番号 the demo never gave out gets a file-level error.
 */
class BulkFlowIT {

    @TempDir
    static Path home;
    static DemoProcess demo;
    static Path req;
    static Path res;
    static String code;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
        Properties props = demo.properties();
        req = Path.of(props.getProperty("req.dir"));
        res = Path.of(props.getProperty("res.dir"));
        code = props.getProperty("institution.code");
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    private static BulkReceipt upload(String id, byte[] file) throws Exception {
        Folders.drop(req, "OQSmuquc01req_" + id + ".xml", file);
        byte[] receipt = Folders.awaitFile(res.resolve("OQSmuquc01res_" + id + ".xml"), Duration.ofSeconds(60));
        return BulkMessages.readReceipt(new XmlDocumentReader().read(receipt));
    }

    /** 02req until the result is final; returns the result file's XML bytes (unzipped) and whether it was a ZIP. */
    private static Object[] download(String id, String receptionNumber) throws Exception {
        byte[] request = new XmlDocumentWriter().writeBytes(BulkMessages.downloadRequestToXml(
                new BulkDownloadRequest(code, id, receptionNumber)), CharacterCode.UTF_8);
        for (int n = 1; n <= 300; n++) {
            String name = "OQSmuquc02req_" + id + "n" + n + ".xml";
            Folders.drop(req, name, request);
            Path xml = res.resolve("OQSmuquc02res_" + id + "n" + n + ".xml");
            Path zip = res.resolve("OQSmuquc02res_" + id + "n" + n + ".zip");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(xml) && !Files.exists(zip) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            boolean zipped = Files.exists(zip);
            byte[] bytes = zipped ? unzip(Files.readAllBytes(zip), "OQSmuquc02res_" + id + "n" + n + ".xml")
                    : Files.readAllBytes(xml);
            if (segment(bytes) != SegmentOfResult.PROCESSING) {
                return new Object[] {bytes, zipped};
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no final result for " + receptionNumber);
    }

    private static SegmentOfResult segment(byte[] file) throws Exception {
        return header(file).segmentOfResult();
    }

    private static BulkResultHeader header(byte[] file) throws Exception {
        BulkResultHeader[] h = new BulkResultHeader[1];
        new BulkFileReader().read(new ByteArrayInputStream(file), new BulkFileReader.Handler() {
            @Override
            public void header(XmlNode header) {
                h[0] = BulkMessages.readResultHeader(header);
            }

            @Override
            public void bodyElement(XmlNode element) {
            }
        });
        return h[0];
    }

    private static List<XmlNode> units(byte[] file) throws Exception {
        List<XmlNode> units = new ArrayList<>();
        new BulkFileReader().read(new ByteArrayInputStream(file), new BulkFileReader.Handler() {
            @Override
            public void header(XmlNode header) {
            }

            @Override
            public void bodyElement(XmlNode element) {
                units.add(element);
            }
        });
        return units;
    }

    private static byte[] unzip(byte[] zip, String expectedEntry) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo(expectedEntry);
            return in.readAllBytes();
        }
    }

    @Test
    void everyPersonaIsAnsweredInOneSmallXmlResult() throws Exception {
        ExampleCorpus.Example personas = ExampleCorpus.bulk().stream()
                .filter(e -> e.file().equals("muquc-personas.xml")).findFirst().orElseThrow();
        BulkReceipt receipt = upload("it000001", personas.bytes());
        assertThat(receipt.accepted()).isTrue();
        Object[] result = download("it000001", receipt.receptionNumber());
        byte[] file = (byte[]) result[0];
        assertThat((Boolean) result[1]).isFalse();
        assertThat(header(file).numberOfProcessingResult()).isEqualTo(Personas.all().size());
        List<XmlNode> units = units(file);
        for (int i = 0; i < units.size(); i++) {
            Persona p = Personas.all().get(i);
            assertThat(BulkMessages.readConfirmUnit(units.get(i)).qualificationValidity()).as(p.key())
                    .isEqualTo(p.expectedValidity());
        }
    }

    @Test
    void aLargeResultArrivesAsZip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkDocumentWriter w = new BulkDocumentWriter(out, CharacterCode.SHIFT_JIS);
        w.begin(BulkMessages.uploadHeaderToXml(new RequestHeader(PersonaCorpus.CONFIRMATION_DATE, code, "large")));
        for (int i = 0; i < 900; i++) {
            w.element(QualificationMessages.searchInfoToXml(Personas.all().get(i % Personas.all().size()).inquiry()));
        }
        w.end();
        BulkReceipt receipt = upload("it000002", out.toByteArray());
        Object[] result = download("it000002", receipt.receptionNumber());
        assertThat((Boolean) result[1]).as("delivered as .zip").isTrue();
        byte[] file = (byte[]) result[0];
        assertThat(file.length).isGreaterThan(1024 * 1024);
        assertThat(header(file).numberOfProcessingResult()).isEqualTo(900);
        assertThat(units(file)).hasSize(900);
    }

    @Test
    void aReceptionNumberNeverGivenOutIsAFileLevelError() throws Exception {
        Object[] result = download("it000003", "19990101000000000000");
        BulkResultHeader h = header((byte[]) result[0]);
        assertThat(h.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(h.errorCode()).isEqualTo("OQSF1402");
    }
}
