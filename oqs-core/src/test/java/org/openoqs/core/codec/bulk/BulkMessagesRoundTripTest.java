package org.openoqs.core.codec.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.bulk.CareSettingSearchInfo;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/** Every bulk message reads back as written, through real bytes. */
class BulkMessagesRoundTripTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 1, 9, 30, 15);

    private static XmlNode viaBytes(XmlNode node, CharacterCode code) {
        return new XmlDocumentReader().read(new XmlDocumentWriter().writeBytes(node, code));
    }

    @Test
    void receiptRoundTrips() {
        BulkReceipt r = new BulkReceipt(NOW, LocalDate.of(2026, 4, 1), "0113810014", "id-1", SegmentOfResult.COMPLETED,
                null, null, CharacterCode.SHIFT_JIS, "20260401123456789012", NOW);
        assertThat(BulkMessages.readReceipt(viaBytes(BulkMessages.receiptToXml(r), CharacterCode.SHIFT_JIS))).isEqualTo(r);
    }

    @Test
    void resultHeaderRoundTrips() {
        BulkResultHeader h = new BulkResultHeader(NOW, LocalDate.of(2026, 4, 1), "0113810014", "id",
                ReferenceClassification.INSURANCE_CARD_NUMBERS, SegmentOfResult.PROCESSING, null, null, CharacterCode.UTF_8,
                "20260401000000000001", 10, 8, 2);
        XmlNode doc = BulkMessages.resultToXml(h, List.of());
        assertThat(BulkMessages.readResultHeader(viaBytes(doc, CharacterCode.UTF_8).child("MessageHeader").orElseThrow()))
                .isEqualTo(h);
    }

    @Test
    void downloadRequestRoundTrips() {
        BulkDownloadRequest r = new BulkDownloadRequest("0113810014", null, "20260401000000000001");
        assertThat(BulkMessages.readDownloadRequest(viaBytes(BulkMessages.downloadRequestToXml(r), CharacterCode.UTF_8)))
                .isEqualTo(r);
    }

    @Test
    void unitWithMedicalTicketsRoundTripsAndKeepsTheTicketsInsideTheRecord() {
        ResultOfQualificationConfirmation.Builder record = ResultOfQualificationConfirmation.builder()
                .insuredCardClassification(InsuredCardClassification.MEDICAL_ASSISTANCE).insurerNumber("12136014")
                .insuredIdentificationNumber("9901014").name("木村　茂").birthdate(LocalDate.of(1958, 5, 5))
                .referenceNumber("P-0001");
        MedicalTicketInfo ticket = new MedicalTicketInfo(TicketType.MEDICAL_TICKET, LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 30), "12345678", YearMonth.of(2026, 4), "0113810014",
                DesignatedMedicalInstitutionFlag.MATCHES);
        BulkConfirmUnit unit = new BulkConfirmUnit(null, ProcessingResultStatus.COMPLETED, null, null,
                QualificationValidity.VALID, List.of(record.medicalTickets(List.of(ticket)).build()), List.of("P-0001"));
        XmlNode xml = BulkMessages.unitToXml(unit);
        XmlNode recordXml = xml.child("ResultOfQualificationConfirmation").orElseThrow();
        assertThat(recordXml.path("PublicExpenseResultList", "MedicalTicketInfo", "IssueNumber").map(XmlNode::text))
                .contains("12345678");
        assertThat(BulkMessages.readConfirmUnit(viaBytes(xml, CharacterCode.SHIFT_JIS))).isEqualTo(unit);
    }

    @Test
    void errorUnitWithEchoRoundTripsAndAResultListWrapperIsAccepted() {
        QualificationConfirmSearchInfo echo = new QualificationConfirmSearchInfo("  138008", null, "123", "01",
                "19990230", "1", "x-1");
        BulkConfirmUnit error = new BulkConfirmUnit(echo, ProcessingResultStatus.ERROR, "OQSP2142", "生年月日…", null,
                List.of(), List.of());
        assertThat(BulkMessages.readConfirmUnit(viaBytes(BulkMessages.unitToXml(error), CharacterCode.UTF_8)))
                .isEqualTo(error);

        XmlNode wrapped = XmlNode.element("BulkConfirmUnit", XmlNode.leaf("ProcessingResultStatus", "1"),
                XmlNode.leaf("QualificationValidity", "1"), XmlNode.element("ResultList",
                        XmlNode.element("ResultOfQualificationConfirmation", XmlNode.leaf("Name", "a")),
                        XmlNode.element("ResultOfQualificationConfirmation", XmlNode.leaf("Name", "b"))));
        assertThat(BulkMessages.readConfirmUnit(wrapped).results()).extracting(r -> r.name())
                .containsExactly("a", "b");
    }

    @Test
    void unreadableResultValuesAreReportedAsAnInvalidResponse() {
        XmlNode bad = XmlNode.element("BulkConfirmUnit", XmlNode.leaf("QualificationValidity", "7"));
        assertThatThrownBy(() -> BulkMessages.readConfirmUnit(bad)).isInstanceOf(MessageFormatException.class);
    }

    @Test
    void careSettingSelectionRoundTrips() {
        CareSettingSearchInfo s = new CareSettingSearchInfo(null, "20260401", "20260430", null, null, "2");
        assertThat(BulkMessages.readCareSettingSearchInfo(viaBytes(BulkMessages.careSettingSearchInfoToXml(s),
                CharacterCode.UTF_8))).isEqualTo(s);
    }
}
