package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;

/**
 * The My Number Card path through the real {@code oqs demo} process: {@code oqs reader confirm} against its reader,
 * face files, consents, 照会番号 and medical information through the folders. One demo for the whole class.
 */
class CardPathIT {

    @TempDir
    static Path home;
    static DemoProcess demo;
    static Properties props;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
        props = demo.properties();
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    static DemoProcess.Completed reader(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("reader", "confirm", "--home", home.toString()));
        all.addAll(List.of(args));
        return DemoProcess.run(all.toArray(String[]::new));
    }

    @Test
    void faceConfirmationWritesTheFaceFileWithConsentsAndDrugInformationFollows() throws Exception {
        DemoProcess.Completed done = reader("--card", "P000000000000001", "--method", "face", "--consent", "drug,checkup,limit");
        assertThat(done.exitCode()).as(done.output()).isZero();
        Path face = Path.of(done.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(face.getParent()).isEqualTo(Path.of(props.getProperty("face.dir")));
        assertThat(face.getFileName().toString()).matches("OQSsiquc01res_face_0113810014[0-9A-F]{20}_\\d{14}\\.xml");
        String xml = Files.readString(face, StandardCharsets.UTF_8);
        assertThat(xml).contains("<ReferenceClassification>1</ReferenceClassification>", "<QualificationValidity>1<",
                "<Name>山田　太郎</Name>", "<PharmacistsInfoConsFlg>1<", "<SpecificHealthCheckupsInfoConsFlg>1<",
                "<DiagnosisInfoConsFlg>0<", "<LimitApplicationCertificateRelatedConsFlg>1<", "<PharmacistsInfoAvailableTime>");

        String result = medicalRequest("YZK", "it-drugs", Personas.byKey("shaho-honnin").orElseThrow(), "2");
        assertThat(result).contains("<ResultCode>1</ResultCode>", "<Name>山田　太郎</Name>", "<DrugInf>", "<DrugN>");
        String checkups = medicalRequest("TKK", "it-checkups", Personas.byKey("shaho-honnin").orElseThrow(), "2");
        assertThat(checkups).contains("<ResultCode>1</ResultCode>", "<QualificationsInfo>");
    }

    /** File category 1 is the PDF, drawn with the font the demo ships: the machine has no Japanese font for it. */
    @Test
    void thePdfCategoriesAreJapanesePdfsFromAMachineWithoutJapaneseFonts() throws Exception {
        DemoProcess.Completed done = reader("--card", "P000000000000001", "--method", "face", "--consent", "drug,checkup");
        assertThat(done.exitCode()).as(done.output()).isZero();
        Persona taro = Personas.byKey("shaho-honnin").orElseThrow();

        for (String system : List.of("YZK", "TKK")) {
            String id = "it-pdf-" + system.toLowerCase(Locale.ROOT);
            Folders.drop(demo.req(), system + "siquc01req_" + id + ".xml", medicalRequestXml(id, taro, "1")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] pdf = Folders.awaitFile(demo.res().resolve(system + "siquc01res_" + id + ".pdf"), Duration.ofSeconds(20));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).as(system).contains("山田　太郎", "生年月日");
            }
        }
    }

    @Test
    void drugInformationWithoutConsentIsRefused() throws Exception {
        String result = medicalRequest("YZK", "it-no-consent", Personas.byKey("kokuho").orElseThrow(), "2");
        assertThat(result).contains("<ResultCode>2</ResultCode>", "<ErrorCode>OQSP3101</ErrorCode>", "薬剤情報の同意がありません");
    }

    @Test
    void threeWrongPinsLockTheCard() throws Exception {
        DemoProcess.Completed first = reader("--card", "P000000000000002", "--method", "pin", "--pin", "9999");
        assertThat(first.exitCode()).isEqualTo(3);
        assertThat(first.output()).contains("OQSP3002", "残り2回");
        assertThat(reader("--card", "P000000000000002", "--method", "pin", "--pin", "9998").output()).contains("残り1回");
        DemoProcess.Completed third = reader("--card", "P000000000000002", "--method", "pin", "--pin", "9997");
        assertThat(third.exitCode()).isEqualTo(4);
        assertThat(third.output()).contains("OQSP3003", "ロック");
        DemoProcess.Completed right = reader("--card", "P000000000000002", "--method", "pin", "--pin", "0002");
        assertThat(right.exitCode()).as("the right PIN no longer helps").isEqualTo(4);
    }

    @Test
    void pinLockedPersonaConfirmsByStaffVisualCheck() throws Exception {
        assertThat(reader("--card", "P000000000000003", "--method", "pin", "--pin", "0003").exitCode()).isEqualTo(4);
        DemoProcess.Completed visual = reader("--card", "P000000000000003", "--method", "visual");
        assertThat(visual.exitCode()).as(visual.output()).isZero();
        assertThat(Files.readString(Path.of(visual.output().strip()), StandardCharsets.UTF_8)).contains("吉田　美穂");
    }

    @Test
    void expiredAndRevokedCertificatesAreRefused() throws Exception {
        DemoProcess.Completed expired = reader("--card", "P000000000000004", "--method", "face");
        assertThat(expired.exitCode()).isEqualTo(6);
        assertThat(expired.output()).contains("OQSP3006", "有効期限");
        DemoProcess.Completed revoked = reader("--card", "P000000000000005", "--method", "face");
        assertThat(revoked.exitCode()).isEqualTo(6);
        assertThat(revoked.output()).contains("OQSP3007", "失効");
    }

    @Test
    void smartphoneIsRefusedWhereTheFacilityDidNotOptIn() throws Exception {
        DemoProcess.Completed phone = reader("--card", "P000000000000001", "--method", "face", "--credential", "iphone");
        assertThat(phone.exitCode()).isEqualTo(8);
        assertThat(phone.output()).contains("OQSP3011", "スマートフォン");
    }

    @Test
    void registeredReferenceNumberAppearsInLaterResults() throws Exception {
        Persona persona = Personas.byKey("shin-shikaku").orElseThrow(); // has card P000000000000002 and a valid newer qualification
        var q = persona.qualifications().get(1);
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("institution.code") + "</MedicalInstitutionCode></MessageHeader><MessageBody>"
                + "<ReferenceNumberRegistrationInfo><ReferenceNumber>KARTE-42</ReferenceNumber><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber><InsuredCardSymbol>" + q.insuredCardSymbol()
                + "</InsuredCardSymbol><InsuredIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredIdentificationNumber><InsuredBranchNumber>" + q.insuredBranchNumber()
                + "</InsuredBranchNumber></ReferenceNumberRegistrationInfo></MessageBody></XmlMsg>";
        Folders.drop(demo.req(), "OQSsiimm01req_it-ref.xml", request.getBytes(StandardCharsets.UTF_8));
        String registered = new String(Folders.awaitFile(demo.res().resolve("OQSsiimm01res_it-ref.xml"),
                Duration.ofSeconds(20)), StandardCharsets.UTF_8);
        assertThat(registered).contains("<ProcessingResultStatus>1</ProcessingResultStatus>");

        QualificationConfirmSearchInfo s = persona.inquiry();
        String inquiry = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><QualificationConfirmationDate>"
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "</QualificationConfirmationDate><MedicalInstitutionCode>" + props.getProperty("institution.code")
                + "</MedicalInstitutionCode></MessageHeader><MessageBody><QualificationConfirmSearchInfo><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber><InsuredCardSymbol>" + q.insuredCardSymbol()
                + "</InsuredCardSymbol><InsuredIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredIdentificationNumber><InsuredBranchNumber>" + q.insuredBranchNumber()
                + "</InsuredBranchNumber><Birthdate>" + s.birthdate() + "</Birthdate>"
                + "<LimitApplicationCertificateRelatedConsFlg>0</LimitApplicationCertificateRelatedConsFlg>"
                + "</QualificationConfirmSearchInfo></MessageBody></XmlMsg>";
        Folders.drop(demo.req(), "OQSsiquc01req_it-ref.xml", inquiry.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(Folders.awaitFile(demo.res().resolve("OQSsiquc01res_it-ref.xml"), Duration.ofSeconds(20)),
                StandardCharsets.UTF_8)).contains("<ReferenceNumber>KARTE-42</ReferenceNumber>");
    }

    /**
     * Benchmark (not an assertion on time): reader confirmation → face file written, through the reader's local
     * endpoint as the CLI uses it, so each run includes challenge, signing, verification over mutual TLS, eligibility,
     * consents, audit and the atomic face-file write. Prints median and p95 over 60 runs after 5 warm-ups.
     */
    @Test
    void benchmarkReaderConfirmationToFaceFile() throws Exception {
        URI url = URI.create(props.getProperty("reader.url")).resolve("/api/confirm");
        String token = Files.readString(Path.of(props.getProperty("reader.token.file"))).strip();
        HttpClient http = HttpClient.newHttpClient();
        String form = "card=P000000000000001&method=face&faceMatch=ok&credential=card&care=outpatient&consent="
                + URLEncoder.encode("drug,checkup", StandardCharsets.UTF_8);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).header("X-Reader-Token", token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            assertThat(r.body()).contains("\"ok\":true");
            String file = r.body().replaceAll(".*\"faceFile\":\"([^\"]+)\".*", "$1");
            assertThat(Path.of(file)).exists();
            if (i >= 5) {
                millis.add(ms);
            }
        }
        Collections.sort(millis);
        System.out.printf("BENCH card confirmation -> face file: median %.1f ms, p95 %.1f ms over %d runs (budget 300 ms)%n",
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), millis.size());
    }

    private static String medicalRequest(String system, String id, Persona persona, String fileCategory) throws Exception {
        String xml = medicalRequestXml(id, persona, fileCategory);
        Folders.drop(demo.req(), system + "siquc01req_" + id + ".xml", xml.getBytes(StandardCharsets.UTF_8));
        return new String(Folders.awaitFile(demo.res().resolve(system + "siquc01res_" + id + ".xml"), Duration.ofSeconds(20)),
                StandardCharsets.UTF_8);
    }

    private static String medicalRequestXml(String id, Persona persona, String fileCategory) {
        var q = persona.qualifications().get(0);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("institution.code") + "</MedicalInstitutionCode><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber>"
                + (q.insuredCardSymbol() == null ? "" : "<InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>")
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber>"
                + (q.insuredBranchNumber() == null ? "" : "<BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>")
                + "<ArbitraryFileIdentifier>" + id + "</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>" + fileCategory + "</FileCategory><MedicalTreatmentFlag>1</MedicalTreatmentFlag>"
                + "</MessageBody></XmlMsg>";
        return xml;
    }
}
