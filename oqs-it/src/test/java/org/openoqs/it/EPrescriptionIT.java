package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.HealthcareRole;
import org.openoqs.pki.PrescriptionSigner;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.eps.HpkiTrust;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * 電子処方箋 end to end through the exchange folders of two terminals: the clinic 0113810014 (the demo's code) issues
 * a signed prescription through its terminal's req folder; a second facility — a pharmacy (点数表番号 4) with its
 * own certificate from the same CA and its own terminal — receives it by 引換番号 and registers the dispensing
 * result; the clinic sees 調剤済; a cancel after dispensing is refused; a facility that opted out is refused with
 * EPSA1001E. The central service runs in this JVM (real mTLS, embedded H2) because the test must register the
 * pharmacy in it, which the packaged {@code oqs demo} process offers no way to do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EPrescriptionIT {

    static final String CLINIC = "0113810014";
    static final String CLINIC_NAME = "オープン診療所（結合試験）";
    static final String PHARMACY = CheckDigit.complete("134014321");
    static final char[] PASSWORD = "it-password".toCharArray();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static final LocalDate BIRTHDATE = LocalDate.of(1975, 3, 9);
    static final XmlDocumentReader READER = new XmlDocumentReader();

    @TempDir
    static Path root;
    static CentralServer server;
    static FacilityTerminal clinicTerminal;
    static FacilityTerminal pharmacyTerminal;
    static Path clinicReq;
    static Path clinicRes;
    static Path pharmacyReq;
    static Path pharmacyRes;
    static String prescriptionId;
    static String accessCode;
    static int sequence;

    @BeforeAll
    static void start() throws Exception {
        CertificateAuthority ca = CertificateAuthority.initOrLoad(root.resolve("ca"), "openoqs IT CA", PASSWORD);
        Path serverStore = root.resolve("server.p12");
        Path trustStore = root.resolve("trust.p12");
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(serverStore, "server", PASSWORD);
        TrustStores.writeTrustStore(trustStore, PASSWORD, ca.caCertificate());
        server = CentralServer.start(ServerConfig.builder(root.resolve("server")).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(serverStore, PASSWORD).trustStore(trustStore, PASSWORD).ca(ca.directory(), PASSWORD)
                .seedDemoData(false).build());
        FacilityService facilities = server.facilities();
        facilities.create(CLINIC, CLINIC_NAME);
        facilities.updateSettings(CLINIC, facilities.get(CLINIC).settings()
                .withEPrescription(EPrescriptionUse.ELECTRONIC_AND_PAPER));
        facilities.create(PHARMACY, "テスト薬局（結合試験）");
        facilities.updateSettings(PHARMACY, facilities.get(PHARMACY).settings()
                .withEPrescription(EPrescriptionUse.ELECTRONIC_ONLY).withCharacterCode(CharacterCode.SHIFT_JIS));

        LinkageFolders clinicFolders = LinkageFolders.under(root.resolve("clinic"));
        clinicReq = clinicFolders.req();
        clinicRes = clinicFolders.res();
        clinicTerminal = terminal(ca, trustStore, CLINIC, clinicFolders);
        LinkageFolders pharmacyFolders = LinkageFolders.under(root.resolve("pharmacy"));
        pharmacyReq = pharmacyFolders.req();
        pharmacyRes = pharmacyFolders.res();
        pharmacyTerminal = terminal(ca, trustStore, PHARMACY, pharmacyFolders);
    }

    private static FacilityTerminal terminal(CertificateAuthority ca, Path trustStore, String code, LinkageFolders folders)
            throws Exception {
        Path p12 = root.resolve(code + ".p12");
        ca.issueFacilityCertificate(code, "結合試験 " + code).writePkcs12(p12, "facility", PASSWORD);
        TerminalConfig config = new TerminalConfig(code, server.baseUri(), p12, PASSWORD, trustStore, PASSWORD,
                folders, LinkageSettings.defaults().withRescanInterval(Duration.ofMillis(100))
                        .withStableFor(Duration.ofMillis(20)), Duration.ofSeconds(5), Duration.ofSeconds(15), null);
        return FacilityTerminal.start(config, FacilityTerminal.overHttps(config));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {pharmacyTerminal, clinicTerminal, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    @Test
    @Order(1)
    void clinicRegistersASignedPrescriptionThroughItsReqFolder() throws Exception {
        byte[] document = PrescriptionDocuments.write(new PrescriptionDocument(CLINIC,
                CLINIC_NAME, "結合　医師", TODAY, null,
                new InsuredPatient("06139992", "記号", "7001", "00", "結合　花子", "ｹﾂｺﾞｳ ﾊﾅｺ", BIRTHDATE, "2"),
                List.of(new Medication(null, "結合試験錠5mg", "2", "錠", "1日2回朝夕食後", 14)), null));
        String signed = Base64.getEncoder().encodeToString(PrescriptionSigner.of(server.bean(HpkiTrust.class)
                .authority().orElseThrow().issueSignatureCertificate("結合　医師", HealthcareRole.MEDICAL_DOCTOR))
                .sign(document));

        XmlNode body = exchange(clinicReq, clinicRes, "EPSsireg01", CLINIC,
                b -> b.leaf("PrescriptionInfo", signed).leaf("IssueType", "1"));
        assertThat(text(body, "ProcessingResultStatus")).as(body.toString()).isEqualTo("1");
        prescriptionId = text(body, "PrescriptionId");
        accessCode = text(body, "AccessCode");
        assertThat(accessCode).matches("\\d{10}");
        assertThat(text(body, "VerifyResultList", "Status")).isEqualTo("1");
    }

    /** The 控え is drawn with the font the service ships: no Japanese font is installed on the machine for it. */
    @Test
    @Order(2)
    void theClinicsCopyIsAPdfWithThePatientsNameInJapanese() throws Exception {
        String id = "it-copy";
        XmlNode request = XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", CLINIC).leaf("ArbitraryFileIdentifier", id))
                .child("MessageBody", b -> b.leaf("PrescriptionId", prescriptionId)).build();
        Folders.drop(clinicReq, "EPSsicpy01req_" + id + ".xml",
                new XmlDocumentWriter().writeBytes(request, CharacterCode.UTF_8));

        byte[] pdf = Folders.awaitFile(clinicRes.resolve("EPSsicpy01res_" + id + ".pdf"), WAIT);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("処方内容（控え）", "結合　花子", accessCode,
                    "結合試験錠5mg");
        }
    }

    @Test
    @Order(3)
    void pharmacyReceivesByAccessCodeAndTheClinicSeesItInProgress() throws Exception {
        XmlNode received = exchange(pharmacyReq, pharmacyRes, "EPSsircv01", PHARMACY,
                b -> b.leaf("AccessCode", accessCode).leaf("Birthdate", BIRTHDATE.format(DateTimeFormatter.BASIC_ISO_DATE)));
        assertThat(text(received, "PrescriptionStatus")).isEqualTo("調剤中");
        assertThat(text(received, "PrescriptionDocument", "MedicationList", "Medication", "DrugName"))
                .isEqualTo("結合試験錠5mg");
        assertThat(status()).isEqualTo("調剤中");
    }

    @Test
    @Order(4)
    void pharmacyDispensesTheClinicSeesDispensedAndCannotCancel() throws Exception {
        XmlNode dispensed = exchange(pharmacyReq, pharmacyRes, "EPSsidsp01", PHARMACY, b -> b
                .leaf("PrescriptionId", prescriptionId)
                .child("DispensingResult", r -> r.leaf("DispensingDate", TODAY.format(DateTimeFormatter.BASIC_ISO_DATE))
                        .leaf("PharmacistName", "結合　薬剤師")
                        .child("DispensedMedicationList", l -> l.child("DispensedMedication", m -> m
                                .leaf("DrugName", "結合試験錠5mg").leaf("Quantity", "28").leaf("Unit", "錠").leaf("Days", "14")))));
        assertThat(text(dispensed, "PrescriptionStatus")).as(dispensed.toString()).isEqualTo("調剤済");
        assertThat(status()).isEqualTo("調剤済");

        XmlNode cancel = exchange(clinicReq, clinicRes, "EPSsicnl01", CLINIC,
                b -> b.leaf("PrescriptionId", prescriptionId));
        assertThat(text(cancel, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(cancel, "ProcessingResultCode")).isEqualTo("EPSB1031E");
    }

    @Test
    @Order(5)
    void aFacilityThatOptedOutIsRefusedWithAClearCode() throws Exception {
        server.facilities().updateSettings(PHARMACY, server.facilities().get(PHARMACY).settings()
                .withEPrescription(EPrescriptionUse.NOT_USED));
        XmlNode refused = exchange(pharmacyReq, pharmacyRes, "EPSsircv01", PHARMACY,
                b -> b.leaf("AccessCode", accessCode).leaf("Birthdate", BIRTHDATE.format(DateTimeFormatter.BASIC_ISO_DATE)));
        assertThat(text(refused, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(refused, "ProcessingResultCode")).isEqualTo("EPSA1001E");
        assertThat(text(refused, "ProcessingResultMessage")).contains("電子処方箋管理サービスを利用しない");
    }

    private static String status() throws Exception {
        return text(exchange(clinicReq, clinicRes, "EPSsists01", CLINIC,
                b -> b.leaf("PrescriptionId", prescriptionId)), "PrescriptionStatus");
    }

    /** Drops a request into {@code req}, waits for its result in {@code res}, and returns the result's body. */
    private static XmlNode exchange(Path req, Path res, String prefix, String institutionCode,
            java.util.function.Consumer<XmlNode.Builder> body) throws Exception {
        String id = "it" + (++sequence);
        XmlNode request = XmlNode.builder("XmlMsg")
                .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", institutionCode)
                        .leaf("ArbitraryFileIdentifier", id))
                .child("MessageBody", body).build();
        Folders.drop(req, prefix + "req_" + id + ".xml",
                new XmlDocumentWriter().writeBytes(request, CharacterCode.UTF_8));
        byte[] answer = Folders.awaitFile(res.resolve(prefix + "res_" + id + ".xml"), WAIT);
        XmlNode result = READER.read(answer);
        assertThat(text(result, "MessageHeader", "ArbitraryFileIdentifier")).isEqualTo(id);
        if (institutionCode.equals(PHARMACY)) {
            assertThat(new String(answer, 0, 60, StandardCharsets.US_ASCII)).contains("encoding=\"Shift_JIS\"");
        }
        return result.path("MessageBody").orElseThrow(() -> new AssertionError("file-level error: " + result));
    }

    private static String text(XmlNode node, String... path) {
        return node.path(path).map(XmlNode::text).orElse(null);
    }
}
