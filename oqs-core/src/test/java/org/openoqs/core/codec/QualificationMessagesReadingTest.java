package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.XmlNode;

/** Reading is order-independent and tolerant of the variants INTERFACE.md lists, strict about values in results. */
class QualificationMessagesReadingTest {

    static QualificationInquiryResult result(String body) {
        return QualificationMessages.parseResult(("<XmlMsg><MessageHeader><SegmentOfResult>1</SegmentOfResult>"
                + "<CharacterCodeIdentifier>0</CharacterCodeIdentifier></MessageHeader><MessageBody>" + body
                + "</MessageBody></XmlMsg>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void faceStyleResultInAnyOrderWithUnknownElements() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <XmlMsg>
                  <MessageHeader>
                    <ProcessExecutionTime>20250401093015</ProcessExecutionTime>
                    <CharacterCodeIdentifier>0</CharacterCodeIdentifier>
                    <SegmentOfResult>1</SegmentOfResult>
                    <QualificationConfirmationDate>20250401</QualificationConfirmationDate>
                    <ReferenceClassification>1</ReferenceClassification>
                    <ArbitraryFileIdentifier>Zm9vYmFyYmF6cXV4=</ArbitraryFileIdentifier>
                    <MedicalInstitutionCode>0113810014</MedicalInstitutionCode>
                  </MessageHeader>
                  <MessageBody>
                    <ResultList>
                      <ResultOfQualificationConfirmation>
                        <QualificationConfirmationKey>opaque</QualificationConfirmationKey>
                        <Name>試験　花子</Name>
                        <InsurerNumber>06279913</InsurerNumber>
                        <PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg>
                        <PharmacistsInfoConsTime>20250401093000</PharmacistsInfoConsTime>
                        <PharmacistsInfoAvailableTime>20250402093000</PharmacistsInfoAvailableTime>
                        <PrescriptionIssueSelect>2</PrescriptionIssueSelect>
                        <Sex2></Sex2>
                      </ResultOfQualificationConfirmation>
                    </ResultList>
                    <QualificationValidity>1</QualificationValidity>
                    <ProcessingResultStatus>1</ProcessingResultStatus>
                  </MessageBody>
                </XmlMsg>
                """;
        QualificationInquiryResult r = QualificationMessages.parseResult(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(r.header().medicalInstitutionCode()).isEqualTo("0113810014");
        assertThat(r.header().characterCodeIdentifier()).isEqualTo(CharacterCode.UTF_8);
        assertThat(r.body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(r.body().prescriptionIssueSelect()).as("taken from inside the record").isEqualTo(PrescriptionIssueSelect.PAPER);
        assertThat(r.body().results()).hasSize(1);
        assertThat(r.body().results().get(0).name()).isEqualTo("試験　花子");
        assertThat(r.body().results().get(0).sex2()).as("empty code element is absent").isNull();
        assertThat(r.body().results().get(0).pharmacistsInfo().availableTime()).hasToString("2025-04-02T09:30");
        assertThat(r.body().results().get(0).diagnosisInfo()).isNull();
    }

    @Test
    void bodyLevelPrescriptionIssueSelectWinsAndWrappersAreOptional() {
        QualificationInquiryResult r = result("<PrescriptionIssueSelect>1</PrescriptionIssueSelect>"
                + "<ResultOfQualificationConfirmation><PrescriptionIssueSelect>2</PrescriptionIssueSelect>"
                + "<SpecificDiseasesCertificateInfo><SpecificDiseasesDiseaseCategory>1</SpecificDiseasesDiseaseCategory></SpecificDiseasesCertificateInfo>"
                + "</ResultOfQualificationConfirmation>");
        assertThat(r.body().prescriptionIssueSelect()).isEqualTo(PrescriptionIssueSelect.ELECTRONIC);
        assertThat(r.body().results()).hasSize(1);
        assertThat(r.body().results().get(0).specificDiseasesCertificates()).hasSize(1);
    }

    @Test
    void severalResultListsAreMerged() {
        QualificationInquiryResult r = result("<ResultList><ResultOfQualificationConfirmation><Name>A</Name></ResultOfQualificationConfirmation></ResultList>"
                + "<ResultList><ResultOfQualificationConfirmation><Name>B</Name></ResultOfQualificationConfirmation></ResultList>");
        assertThat(r.body().results()).extracting(x -> x.name()).containsExactly("A", "B");
    }

    @Test
    void unknownCodesAndImpossibleDatesInResultsAreRefusedClearly() {
        assertThatThrownBy(() -> result("<QualificationValidity>7</QualificationValidity>"))
                .isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("QualificationValidity").hasMessageContaining("OQSCD006").hasMessageContaining("7")
                .satisfies(t -> {
                    MessageFormatException e = (MessageFormatException) t;
                    assertThat(e.field()).isEqualTo("QualificationValidity");
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE);
                });
        assertThatThrownBy(() -> result("<ResultList><ResultOfQualificationConfirmation><InsuredCardClassification>99</InsuredCardClassification>"
                + "</ResultOfQualificationConfirmation></ResultList>"))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("OQSCD010");
        assertThatThrownBy(() -> result("<ResultList><ResultOfQualificationConfirmation><Birthdate>19990230</Birthdate>"
                + "</ResultOfQualificationConfirmation></ResultList>"))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("Birthdate");
        assertThatThrownBy(() -> QualificationMessages.parseResult("<XmlMsg><MessageHeader/></XmlMsg>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageFormatException.class).hasMessageContaining("SegmentOfResult");
        assertThatThrownBy(() -> QualificationMessages.parseResult("<Other/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageFormatException.class);
    }

    @Test
    void resultWithoutBodyIsAFileLevelResult() {
        QualificationInquiryResult r = QualificationMessages.parseResult(("<XmlMsg><MessageHeader><SegmentOfResult>9</SegmentOfResult>"
                + "<ErrorCode>OQSF1003</ErrorCode><ErrorMessage>x</ErrorMessage></MessageHeader></XmlMsg>").getBytes(StandardCharsets.UTF_8));
        assertThat(r.isFileLevelError()).isTrue();
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.body()).isNull();
    }

    @Test
    void requestStructureErrors() {
        assertThatThrownBy(() -> QualificationMessages.readRequest(XmlNode.leaf("Other", "")))
                .isInstanceOf(MessageFormatException.class)
                .extracting(t -> ((MessageFormatException) t).errorCode()).isEqualTo(ErrorCode.WRONG_ROOT);
        assertThatThrownBy(() -> QualificationMessages.readRequest(XmlNode.element("XmlMsg", XmlNode.leaf("MessageBody", ""))))
                .extracting(t -> ((MessageFormatException) t).errorCode()).isEqualTo(ErrorCode.MISSING_MESSAGE_HEADER);
        assertThatThrownBy(() -> QualificationMessages.readRequest(XmlNode.element("XmlMsg", XmlNode.leaf("MessageHeader", ""))))
                .extracting(t -> ((MessageFormatException) t).errorCode()).isEqualTo(ErrorCode.MISSING_MESSAGE_BODY);
    }

    @Test
    void requestValuesAreKeptRaw() {
        var r = QualificationMessages.parseRequest(("<XmlMsg><MessageHeader><MedicalInstitutionCode> 0113810014 </MedicalInstitutionCode>"
                + "</MessageHeader><MessageBody><PrescriptionIssueSelect>1</PrescriptionIssueSelect><QualificationConfirmSearchInfo>"
                + "<InsurerNumber>  279919</InsurerNumber><InsuredIdentificationNumber> 12 </InsuredIdentificationNumber>"
                + "</QualificationConfirmSearchInfo></MessageBody></XmlMsg>").getBytes(StandardCharsets.UTF_8));
        assertThat(r.header().medicalInstitutionCode()).isEqualTo(" 0113810014 ");
        assertThat(r.header().qualificationConfirmationDate()).isNull();
        assertThat(r.searchInfo().insurerNumber()).isEqualTo("  279919");
        assertThat(r.searchInfo().insuredIdentificationNumber()).isEqualTo(" 12 ");
        assertThat(r.searchInfo().birthdate()).isNull();
    }

    @Test
    void lenientHeaderFromTreesAndFromBrokenBytes() {
        XmlNode misplaced = XmlNode.element("Wrong", XmlNode.element("Deep",
                XmlNode.leaf("MedicalInstitutionCode", "0113810014"), XmlNode.leaf("ArbitraryFileIdentifier", "id-1")));
        assertThat(QualificationMessages.readRequestHeaderLeniently(misplaced))
                .isEqualTo(new RequestHeader(null, "0113810014", "id-1"));
        assertThat(QualificationMessages.readRequestHeaderLeniently((XmlNode) null)).isEqualTo(new RequestHeader(null, null, null));

        String truncated = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><XmlMsg><MessageHeader>"
                + "<QualificationConfirmationDate>20250401</QualificationConfirmationDate>"
                + "<MedicalInstitutionCode>0113810014</MedicalInstitutionCode><ArbitraryFileIdentifier>受付&amp;①</ArbitraryFileIdentifier>"
                + "</MessageHeader><MessageBody><Qualifi";
        assertThat(QualificationMessages.readRequestHeaderLeniently(truncated.getBytes(Charset.forName("windows-31j"))))
                .isEqualTo(new RequestHeader("20250401", "0113810014", "受付&①"));
        assertThat(QualificationMessages.readRequestHeaderLeniently(new byte[0])).isEqualTo(new RequestHeader(null, null, null));
        assertThat(QualificationMessages.readRequestHeaderLeniently("garbage".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new RequestHeader(null, null, null));
    }

    @Test
    void strictDateParsing() {
        assertThat(QualificationMessages.parseDate("20240229")).contains(LocalDate.of(2024, 2, 29));
        assertThat(QualificationMessages.parseDate("20230229")).isEmpty();
        assertThat(QualificationMessages.parseDate("2023022")).isEmpty();
        assertThat(QualificationMessages.parseDate("２０２３０２２８")).isEmpty();
        assertThat(QualificationMessages.parseDateTime("20250401240000")).isEmpty();
        assertThat(QualificationMessages.parseDateTime("20250401235959")).isPresent();
    }
}
