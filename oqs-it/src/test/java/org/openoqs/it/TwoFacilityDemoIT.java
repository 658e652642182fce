package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.Personas;

/**
 * The real {@code oqs demo} process runs two facilities — the clinic and a hospital (病院), each with its own
 * certificate, terminal, linkage folders and card reader, both with 電子カルテ情報共有サービス on: each answers a
 * persona's number inquiry in its own res folder, the hospital's reader ({@code oqs reader confirm --facility
 * hospital}) records the 電子カルテ情報 consent and its face file carries the six flags, and nothing of the hospital
 * reaches the clinic's folders.
 */
class TwoFacilityDemoIT {

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
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    void demoPropertiesDescribeTheHospital() {
        for (String key : List.of("hospital.institution.code", "hospital.req.dir", "hospital.res.dir",
                "hospital.face.dir", "hospital.client.p12", "hospital.client.p12.password", "hospital.master.user",
                "hospital.master.password", "hospital.reader.url", "hospital.reader.token.file")) {
            assertThat(props.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(props.getProperty("hospital.institution.code")).isNotEqualTo(props.getProperty("institution.code"));
        assertThat(props.getProperty("hospital.req.dir")).isNotEqualTo(props.getProperty("req.dir"));
        assertThat(Path.of(props.getProperty("hospital.client.p12"))).isRegularFile();
    }

    @Test
    void eachFacilityAnswersInItsOwnResFolderAndTheHospitalReaderRecordsTheClinsConsent() throws Exception {
        String clinic = props.getProperty("institution.code");
        String hospital = props.getProperty("hospital.institution.code");
        Path clinicRes = Path.of(props.getProperty("res.dir"));
        Path hospitalRes = Path.of(props.getProperty("hospital.res.dir"));

        String atClinic = inquire(Path.of(props.getProperty("req.dir")), clinicRes, clinic, "two-clinic");
        String atHospital = inquire(Path.of(props.getProperty("hospital.req.dir")), hospitalRes, hospital, "two-hosp");
        assertThat(atClinic).contains("<MedicalInstitutionCode>" + clinic + "<", "<QualificationValidity>1<",
                "<Name>山田　太郎</Name>");
        assertThat(atHospital).contains("<MedicalInstitutionCode>" + hospital + "<", "<QualificationValidity>1<",
                "<Name>山田　太郎</Name>", "<DiagnosisNameConsFlg>0</DiagnosisNameConsFlg>"); // on, no consent yet

        DemoProcess.Completed confirmed = DemoProcess.run("reader", "confirm", "--home", home.toString(),
                "--facility", "hospital", "--card", "P000000000000001", "--method", "face", "--consent", "drug,clins");
        assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();
        Path face = Path.of(confirmed.output().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(face.getParent()).isEqualTo(Path.of(props.getProperty("hospital.face.dir")));
        assertThat(face.getFileName().toString()).startsWith("OQSsiquc01res_face_" + hospital);
        String xml = Files.readString(face, StandardCharsets.UTF_8);
        assertThat(xml).contains("<MedicalInstitutionCode>" + hospital + "<", "<PharmacistsInfoConsFlg>1<");
        for (String prefix : List.of("DiagnosisName", "InfectiousInfo", "AllergyInfo", "ContraindicationInfo",
                "TestInfo", "PrescriptionInfo")) {
            assertThat(xml).contains("<" + prefix + "ConsFlg>1</" + prefix + "ConsFlg>", "<" + prefix + "ConsTime>");
        }
        // the consent is the hospital's: a later inquiry there shows it, the clinic's does not
        assertThat(inquire(Path.of(props.getProperty("hospital.req.dir")), hospitalRes, hospital, "two-hosp-after"))
                .contains("<DiagnosisNameConsFlg>1</DiagnosisNameConsFlg>");
        assertThat(inquire(Path.of(props.getProperty("req.dir")), clinicRes, clinic, "two-clinic-after"))
                .contains("<DiagnosisNameConsFlg>0</DiagnosisNameConsFlg>").doesNotContain(hospital);

        for (Path folder : List.of(clinicRes, Path.of(props.getProperty("face.dir")))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(f.getFileName().toString()).as(folder.toString()).doesNotContain("two-hosp")
                            .doesNotContain(hospital);
                    assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(hospital);
                }
            }
        }
    }

    @Test
    void anUnknownFacilityIsAUsageError() throws Exception {
        DemoProcess.Completed wrong = DemoProcess.run("reader", "confirm", "--home", home.toString(),
                "--facility", "pharmacy", "--card", "P000000000000001", "--method", "face");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("clinic または hospital");
    }

    /** 山田 太郎 (shaho-honnin): a number inquiry through the facility's folders, as its レセコン sends it. */
    private static String inquire(Path req, Path res, String institutionCode, String id) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.BASIC_ISO_DATE);
        byte[] request = QualificationMessages.writeRequest(new QualificationInquiryRequest(
                new RequestHeader(today, institutionCode, id),
                Personas.byKey("shaho-honnin").orElseThrow().inquiry()), CharacterCode.UTF_8).bytes();
        Folders.drop(req, "OQSsiquc01req_" + id + ".xml", request);
        return new String(Folders.awaitFile(res.resolve("OQSsiquc01res_" + id + ".xml"), Duration.ofSeconds(30)),
                StandardCharsets.UTF_8);
    }
}
