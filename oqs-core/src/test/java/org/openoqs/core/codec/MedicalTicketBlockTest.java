package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ConsistencyFlag;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfElderlyMedicalCare;
import org.openoqs.core.code.StatusOfInfection;
import org.openoqs.core.code.StatusOfPrefecturalExpenses;
import org.openoqs.core.code.StatusOfSocialInsurance;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.WrittenDocument;
import org.openoqs.core.xml.XmlNode;

/**
 * The 医療扶助 {@code PublicExpenseResultList/MedicalTicketInfo} block in a single (face) result: every field of
 * INTERFACE.md §4.2 and every code table OQSCD018–026 written and read back in UTF-8 and Shift_JIS, in the notes'
 * order inside the record; a code outside its table is an invalid response.
 */
class MedicalTicketBlockTest {

    static MedicalTicketInfo fullTicket() {
        return new MedicalTicketInfo(TicketType.MEDICAL_TICKET, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                "20260401", YearMonth.of(2026, 4), "0113810014", DesignatedMedicalInstitutionFlag.MATCHES,
                new MedicalTicketDetails("オープン診療所", "0113810014", "オープン診療所", List.of("高血圧症", "２型糖尿病", "髙﨑病"),
                        MedicalTreatmentType.OUTPATIENT, "0", "光野　一郎", "福祉　花子", SingleOrCombinedUse.SINGLE,
                        StatusOfSocialInsurance.ABSENT, ConsistencyFlag.INCONSISTENT, StatusOfInfection.ABSENT,
                        StatusOfElderlyMedicalCare.ABSENT, StatusOfPrefecturalExpenses.PRESENT,
                        List.of("継続", "～２週間", "③")));
    }

    static QualificationInquiryResult faceResult(List<MedicalTicketInfo> tickets) {
        ResultOfQualificationConfirmation record = ResultOfQualificationConfirmation.builder()
                .insuredCardClassification(InsuredCardClassification.MEDICAL_ASSISTANCE).insurerNumber("12199956")
                .insuredIdentificationNumber("9901018").name("木村　茂").birthdate(LocalDate.of(1958, 5, 5))
                .insurerName("光野市福祉事務所").medicalTickets(tickets).referenceNumber("FUJO-1").build();
        return new QualificationInquiryResult(new ResultHeader(LocalDateTime.of(2026, 4, 1, 9, 30, 15),
                LocalDate.of(2026, 4, 1), "0113810014", "Zm9vYmFy=", ReferenceClassification.MY_NUMBER_CARD,
                SegmentOfResult.COMPLETED, null, null, CharacterCode.UTF_8),
                new QualificationResultBody(null, ProcessingResultStatus.COMPLETED, null, null, QualificationValidity.VALID,
                        null, List.of(record)));
    }

    @Test
    void everyFieldRoundTripsInBothEncodings() {
        MedicalTicketInfo dispensing = new MedicalTicketInfo(TicketType.DISPENSING_TICKET, null, null, "77", YearMonth.of(2026, 4),
                null, DesignatedMedicalInstitutionFlag.DIFFERS, new MedicalTicketDetails(null, "0113810014", "オープン診療所",
                List.of(), MedicalTreatmentType.DISPENSING, null, null, null, SingleOrCombinedUse.COMBINED,
                StatusOfSocialInsurance.PRESENT, null, StatusOfInfection.PRESENT, StatusOfElderlyMedicalCare.PRESENT,
                null, List.of()));
        for (CharacterCode cc : CharacterCode.values()) {
            QualificationInquiryResult result = faceResult(List.of(fullTicket(), dispensing));
            WrittenDocument doc = QualificationMessages.writeResult(result, cc);
            assertThat(doc.isLossless()).as(cc.name()).isTrue();
            QualificationInquiryResult read = QualificationMessages.parseResult(doc.bytes());
            assertThat(read.body().results().get(0).medicalTickets()).as(cc.name()).containsExactly(fullTicket(), dispensing);
            assertThat(read.body()).as(cc.name()).isEqualTo(result.body());
        }
        String sjis = new String(QualificationMessages.writeResult(faceResult(List.of(fullTicket())), CharacterCode.SHIFT_JIS)
                .bytes(), Charset.forName("windows-31j"));
        assertThat(sjis).contains("<InjuryName3>髙﨑病</InjuryName3>", "<StatusOfInfecton>02</StatusOfInfecton>");
    }

    @Test
    void theBlockSitsAfterTheSpecificDiseasesInTheNotesOrder() {
        XmlNode record = QualificationMessages.resultToXml(faceResult(List.of(fullTicket())))
                .path("MessageBody", "ResultList", "ResultOfQualificationConfirmation").orElseThrow();
        List<String> names = record.children().stream().map(XmlNode::name).toList();
        assertThat(names).containsSubsequence("InsurerName", "PublicExpenseResultList", "ReferenceNumber");
        XmlNode ticket = record.path("PublicExpenseResultList", "MedicalTicketInfo").orElseThrow();
        assertThat(ticket.children()).extracting(XmlNode::name).containsExactly("TicketType", "MedicalTicketValidDate",
                "MedicalTicketExpirationDate", "IssueNumber", "MedicalTreatmentMonth", "DesignatedMedicalInstitutionCode",
                "DesignatedMedicalInstitutionFlag", "DesignatedMedicalInstitutionName",
                "PrescriptionIssuerMedicalInstitutionCode", "PrescriptionIssuerMedicalInstitutionName", "InjuryName1",
                "InjuryName2", "InjuryName3", "MedicalTreatmentType", "SelfPayAmount", "DistrictContactName",
                "HandlingContactName", "SingleOrCombinedUse", "StatusOfSocialInsurance", "ConsistencyFlag",
                "StatusOfInfecton", "StatusOfElderlyMedicalCare", "StatusOfPrefecturalExpenses", "Remarks1", "Remarks2",
                "Remarks3");
        assertThat(ticket.text("MedicalTreatmentMonth")).contains("202604");
    }

    @Test
    void aRecordWithoutTicketsHasNoEmptyList() {
        XmlNode record = QualificationMessages.resultToXml(faceResult(List.of()))
                .path("MessageBody", "ResultList", "ResultOfQualificationConfirmation").orElseThrow();
        assertThat(record.child("PublicExpenseResultList")).isEmpty();
    }

    @Test
    void theJsonMirrorCarriesTicketsAsAnArray() {
        String json = JsonMirror.toJson(QualificationMessages.resultToXml(faceResult(List.of(fullTicket()))));
        assertThat(json).contains("\"PublicExpenseResultList\":{\"MedicalTicketInfo\":[{\"TicketType\":\"01\"");
        QualificationInquiryResult back = QualificationMessages.readResult(JsonMirror.fromJson(json));
        assertThat(back.body().results().get(0).medicalTickets()).containsExactly(fullTicket());
    }

    @Test
    void aTicketWithoutTheListWrapperIsRead() {
        XmlNode record = XmlNode.element("ResultOfQualificationConfirmation", XmlNode.leaf("Name", "木村　茂"),
                MedicalTicketXml.toXml(fullTicket()));
        assertThat(QualificationMessages.readRecord(record).medicalTickets()).containsExactly(fullTicket());
    }

    @Test
    void unknownCodesAndBadMonthsAreAnInvalidResponse() {
        for (String[] bad : new String[][] {{"TicketType", "03"}, {"MedicalTreatmentType", "06"},
                {"SingleOrCombinedUse", "03"}, {"StatusOfSocialInsurance", "1"}, {"ConsistencyFlag", "0"},
                {"StatusOfInfecton", "03"}, {"StatusOfElderlyMedicalCare", "00"}, {"StatusOfPrefecturalExpenses", "9"},
                {"DesignatedMedicalInstitutionFlag", "2"}, {"MedicalTreatmentMonth", "202613"},
                {"MedicalTreatmentMonth", "2026-4"}, {"MedicalTicketValidDate", "20260431"}}) {
            XmlNode record = XmlNode.element("ResultOfQualificationConfirmation", XmlNode.element("PublicExpenseResultList",
                    XmlNode.element("MedicalTicketInfo", XmlNode.leaf(bad[0], bad[1]))));
            assertThatThrownBy(() -> QualificationMessages.readRecord(record)).as(bad[0] + "=" + bad[1])
                    .isInstanceOfSatisfying(MessageFormatException.class, e -> assertThat(e.errorCode())
                            .isEqualTo(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE));
        }
    }
}
