package org.openoqs.core.codec.eps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;

/** The signed document's XML form: round trip, default expiry, and every broken rule reported at once. */
class PrescriptionDocumentsTest {

    static PrescriptionDocument sample() {
        return new PrescriptionDocument("0113810014", "オープン診療所", "試験　一郎", LocalDate.of(2026, 4, 1), null,
                new InsuredPatient("  138057".strip(), null, "1234", null, "試験　花子", null, LocalDate.of(1980, 5, 17), "2"),
                List.of(new Medication(null, "テスト錠10mg", "1.5", "錠", "1日3回毎食後", 7)), "粉砕可");
    }

    @Test
    void writesAndReadsBackTheSameDocument() {
        PrescriptionDocument d = sample();
        PrescriptionDocuments.Reading read = PrescriptionDocuments.read(PrescriptionDocuments.write(d));
        assertThat(read.problems()).isEmpty();
        assertThat(read.document()).isEqualTo(d);
        assertThat(d.expiryDate()).as("4 days including the issue date").isEqualTo(LocalDate.of(2026, 4, 4));
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String xml = "<PrescriptionDocument><MedicalInstitutionCode>0113810015</MedicalInstitutionCode>"
                + "<IssueDate>20260401</IssueDate><ExpiryDate>20260301</ExpiryDate>"
                + "<Patient><InsurerNumber>１２３</InsurerNumber><InsuredIdentificationNumber>1</InsuredIdentificationNumber>"
                + "<InsuredBranchNumber>A1</InsuredBranchNumber><Name>試験</Name><Birthdate>20270101</Birthdate><Sex>9</Sex></Patient>"
                + "<MedicationList><Medication><DrugName>錠</DrugName><Dose>多め</Dose><DoseUnit>錠</DoseUnit>"
                + "<Usage>適宜</Usage><Days>0</Days></Medication></MedicationList></PrescriptionDocument>";
        PrescriptionDocuments.Reading read = PrescriptionDocuments.read(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.ok()).isFalse();
        assertThat(read.problems()).extracting(CheckResult::detail).containsExactly(
                "PrescriptionDocument/MedicalInstitutionCode: 検証番号が正しい10桁の医療機関コードで指定してください（指定値: 0113810015）",
                "PrescriptionDocument/DoctorName",
                "PrescriptionDocument/ExpiryDate: 交付年月日以降の日付を指定してください",
                "PrescriptionDocument/Patient/InsurerNumber: 指定値: １２３",
                "PrescriptionDocument/Patient/InsuredBranchNumber: 2桁の数字で指定してください（指定値: A1）",
                "PrescriptionDocument/Patient/Birthdate: 交付年月日より後の日付です",
                "PrescriptionDocument/Patient/Sex: 1（男）、2（女）、3（未設定）のいずれかを指定してください（指定値: 9）",
                "PrescriptionDocument/MedicationList/Medication[1]/Dose: 数量を数字で指定してください（指定値: 多め）",
                "PrescriptionDocument/MedicationList/Medication[1]/Days: 1以上365以下で指定してください（指定値: 0）");
        assertThat(read.problems().get(1).code()).isEqualTo(EpsResultCode.MISSING_ITEM);
        assertThat(read.problems().get(3).code()).isEqualTo(EpsResultCode.INVALID_INSURER_NUMBER);
    }

    @Test
    void hostileOrForeignXmlIsRefusedNotParsed() {
        PrescriptionDocuments.Reading doctype = PrescriptionDocuments.read(("<?xml version=\"1.0\"?><!DOCTYPE x ["
                + "<!ENTITY e SYSTEM \"file:///etc/passwd\">]><PrescriptionDocument>&e;</PrescriptionDocument>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(doctype.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(EpsResultCode.INVALID_PRESCRIPTION_CONTENT);
            assertThat(p.detail()).contains("OQSF1004");
        });
        assertThat(PrescriptionDocuments.read("<Other/>".getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().extracting(CheckResult::code).isEqualTo(EpsResultCode.INVALID_ITEM);
        assertThat(PrescriptionDocuments.read("<PrescriptionDocument>".getBytes(StandardCharsets.UTF_8)).ok()).isFalse();
    }
}
