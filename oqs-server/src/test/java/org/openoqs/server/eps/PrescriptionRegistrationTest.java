package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.PrescriptionSigner;
import org.openoqs.server.facility.EPrescriptionUse;

/** 処方箋登録: what is accepted, what a retried file gets, and the specific refusal of each kind of bad request. */
class PrescriptionRegistrationTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    static EpsFixture.Facility clinic;
    static IssuedCredential doctor;

    @BeforeAll
    static void setUp() {
        clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        doctor = eps.doctor();
    }

    private static XmlNode register(String signedInfo, PrescriptionIssueSelect type) {
        return eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(signedInfo, type));
    }

    @Test
    void aSignedPrescriptionGetsAnIdAnAccessCodeAndAVerifiedSignature() {
        XmlNode result = register(EpsFixture.signed(doctor, EpsFixture.document(clinic.code(), "2001", TODAY)),
                PrescriptionIssueSelect.PAPER);
        assertThat(text(result, "ProcessingResultStatus")).isEqualTo("1");
        assertThat(text(result, "ProcessingResultCode")).isNull();
        assertThat(text(result, "PrescriptionId")).matches("[0-9a-f-]{36}");
        assertThat(text(result, "AccessCode")).matches("\\d{10}");
        assertThat(text(result, "VerifyResultList", "Status")).isEqualTo("1");
        assertThat(text(result, "VerifyResultList", "SignId"))
                .isEqualTo("openoqs Test HPKI CA:" + doctor.certificate().getSerialNumber().toString(16));
    }

    @Test
    void theSamePayloadAgainIsAnsweredWithTheFirstRegistration() {
        String signed = EpsFixture.signed(doctor, EpsFixture.document(clinic.code(), "2002", TODAY));
        XmlNode first = register(signed, PrescriptionIssueSelect.ELECTRONIC);
        XmlNode again = register(signed, PrescriptionIssueSelect.ELECTRONIC);
        assertThat(text(again, "ProcessingResultStatus")).isEqualTo("1");
        assertThat(text(again, "ProcessingResultCode")).isEqualTo("EPSB1005I");
        assertThat(text(again, "PrescriptionId")).isEqualTo(text(first, "PrescriptionId"));
        assertThat(text(again, "AccessCode")).isEqualTo(text(first, "AccessCode"));
    }

    @Test
    void anotherFacilitysPrescriptionIsRefused() {
        XmlNode result = register(EpsFixture.signed(doctor, EpsFixture.document("0113810014", "2003", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC);
        assertThat(text(result, "ProcessingResultStatus")).isEqualTo("2");
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSB1003E");
    }

    @Test
    void anIssueTypeTheSettingExcludesIsRefused() {
        EpsFixture.Facility paperOnly = eps.facility('1', EPrescriptionUse.PAPER_ONLY);
        XmlNode result = eps.call(paperOnly, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(doctor, EpsFixture.document(paperOnly.code(), "2004", TODAY)),
                PrescriptionIssueSelect.ELECTRONIC));
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSB1004E");
        assertThat(text(result, "ProcessingResultMessage")).contains("紙の処方箋のみ");
    }

    @Test
    void anExpiredPrescriptionIsRefused() {
        XmlNode result = register(EpsFixture.signed(doctor, EpsFixture.document(clinic.code(), "2005",
                TODAY.minusDays(10))), PrescriptionIssueSelect.ELECTRONIC);
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSB1006E");
    }

    @Test
    void payloadsThatAreNotSignedPrescriptionsAreUnreadable() {
        assertThat(text(register("!!! not base64 !!!", PrescriptionIssueSelect.ELECTRONIC), "ProcessingResultCode"))
                .isEqualTo("EPSB1001E");
        assertThat(text(register(Base64.getEncoder().encodeToString("<PrescriptionDocument/>".getBytes()),
                PrescriptionIssueSelect.ELECTRONIC), "ProcessingResultCode")).isEqualTo("EPSB1001E");
    }

    @Test
    void everyContentProblemIsListed() {
        byte[] broken = ("<PrescriptionDocument><MedicalInstitutionCode>" + clinic.code() + "</MedicalInstitutionCode>"
                + "<DoctorName>試験　一郎</DoctorName><IssueDate>20261341</IssueDate>"
                + "<Patient><InsurerNumber>06139993</InsurerNumber><InsuredIdentificationNumber>1</InsuredIdentificationNumber>"
                + "<Name>試験　花子</Name><Birthdate>19800517</Birthdate></Patient></PrescriptionDocument>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        XmlNode result = register(Base64.getEncoder().encodeToString(PrescriptionSigner.of(doctor).sign(broken)),
                PrescriptionIssueSelect.ELECTRONIC);
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSB1002E");
        List<String> codes = result.children("XmlCheckResultList").stream().map(c -> c.text("ResultCode").orElseThrow())
                .toList();
        assertThat(codes).containsExactly("EPSA1102E", "EPSA1105E", "EPSA1101E");
        assertThat(result.children("XmlCheckResultList").get(0).text("ResultMessage").orElseThrow())
                .contains("PrescriptionDocument/IssueDate");
        assertThat(text(result, "VerifyResultList", "Status")).as("the signature itself is fine").isEqualTo("1");
    }

    @Test
    void missingElementsAreNamed() {
        XmlNode result = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.body().leaf("IssueType", "3"));
        assertThat(text(result, "ProcessingResultCode")).isEqualTo("EPSA1101E");
        assertThat(text(result, "ProcessingResultMessage")).contains("PrescriptionInfo");
        assertThat(result.children("XmlCheckResultList")).hasSize(2);
    }
}
