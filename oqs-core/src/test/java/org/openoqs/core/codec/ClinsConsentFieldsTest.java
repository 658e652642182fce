package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.message.ClinsConsents;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.WrittenDocument;
import org.openoqs.core.xml.XmlNode;

/**
 * The six 電子カルテ情報共有サービス consent triplets of a result record (INTERFACE.md §4.2, 2025 additions): written
 * after {@code OperationInfo…} in the documented order, read back in UTF-8, Shift_JIS and the JSON mirror, absent
 * when the record has none.
 */
class ClinsConsentFieldsTest {

    private static final LocalDateTime T = LocalDateTime.of(2025, 4, 1, 9, 31);

    // six different values, so a swapped pair of elements cannot pass
    private static final ClinsConsents SIX = new ClinsConsents(
            new Consent(ConsentStatus.CONSENTED, T, T.plusDays(1)),
            new Consent(ConsentStatus.NOT_CONSENTED, null, null),
            new Consent(ConsentStatus.EXPIRED, T.plusSeconds(1), T.plusDays(1).plusSeconds(1)),
            new Consent(ConsentStatus.CONSENTED, T.plusSeconds(2), T.plusDays(1).plusSeconds(2)),
            new Consent(ConsentStatus.DIFFICULT_TO_OBTAIN, T.plusSeconds(3), T.plusDays(1).plusSeconds(3)),
            new Consent(ConsentStatus.CONSENTED, T.plusSeconds(4), T.plusDays(1).plusSeconds(4)));

    private static QualificationInquiryResult withClins(ClinsConsents clins, CharacterCode cc) {
        QualificationInquiryResult full = Fixtures.fullResult(cc);
        QualificationResultBody b = full.body();
        List<ResultOfQualificationConfirmation> records = b.results().stream()
                .map(r -> r.toBuilder().clinsConsents(clins).build()).toList();
        return new QualificationInquiryResult(full.header(), new QualificationResultBody(b.searchInfoEcho(),
                b.processingResultStatus(), b.processingResultCode(), b.processingResultMessage(),
                b.qualificationValidity(), b.prescriptionIssueSelect(), records));
    }

    @Test
    void roundTripsInUtf8AndShiftJis() {
        for (CharacterCode cc : CharacterCode.values()) {
            QualificationInquiryResult result = withClins(SIX, cc);
            WrittenDocument doc = QualificationMessages.writeResult(result);
            assertThat(doc.isLossless()).as(cc.name()).isTrue();
            assertThat(QualificationMessages.parseResult(doc.bytes())).as(cc.name()).isEqualTo(result);
        }
        String sjis = new String(QualificationMessages.writeResult(withClins(SIX, CharacterCode.SHIFT_JIS)).bytes(),
                Charset.forName("windows-31j"));
        assertThat(sjis).contains("<TestInfoConsFlg>3</TestInfoConsFlg>")
                .contains("<PrescriptionInfoAvailableTime>20250402093104</PrescriptionInfoAvailableTime>");
    }

    @Test
    void theSixTripletsFollowOperationInfoInTheDocumentedOrder() {
        XmlNode record = QualificationMessages.resultToXml(withClins(SIX, CharacterCode.UTF_8))
                .path("MessageBody", "ResultList", "ResultOfQualificationConfirmation").orElseThrow();
        List<String> names = record.children().stream().map(XmlNode::name).toList();
        int from = names.indexOf("OperationInfoAvailableTime") + 1;
        assertThat(names.subList(from, names.size())).containsExactly(
                "DiagnosisNameConsFlg", "DiagnosisNameConsTime", "DiagnosisNameAvailableTime",
                "InfectiousInfoConsFlg", // 0 同意なし: no times
                "AllergyInfoConsFlg", "AllergyInfoConsTime", "AllergyInfoAvailableTime",
                "ContraindicationInfoConsFlg", "ContraindicationInfoConsTime", "ContraindicationInfoAvailableTime",
                "TestInfoConsFlg", "TestInfoConsTime", "TestInfoAvailableTime",
                "PrescriptionInfoConsFlg", "PrescriptionInfoConsTime", "PrescriptionInfoAvailableTime",
                "ArbitraryIdentifier", "ReferenceNumber");
        assertThat(record.text("DiagnosisNameConsFlg")).contains("1");
        assertThat(record.text("InfectiousInfoConsFlg")).contains("0");
        assertThat(record.text("AllergyInfoConsFlg")).contains("2");
        assertThat(record.text("ContraindicationInfoConsTime")).contains("20250401093102");
    }

    @Test
    void roundTripsThroughTheJsonMirror() {
        QualificationInquiryResult result = withClins(SIX, CharacterCode.UTF_8);
        String json = JsonMirror.toJson(QualificationMessages.resultToXml(result));
        assertThat(json).contains("\"DiagnosisNameConsFlg\":\"1\"").contains("\"InfectiousInfoConsFlg\":\"0\"")
                .contains("\"PrescriptionInfoConsTime\":\"20250401093104\"");
        assertThat(QualificationMessages.readResult(JsonMirror.fromJson(json))).isEqualTo(result);
    }

    @Test
    void aRecordWithoutThemWritesNoElementAndReadsBackWithout() {
        QualificationInquiryResult result = withClins(null, CharacterCode.UTF_8);
        String xml = new String(QualificationMessages.writeResult(result).bytes(), java.nio.charset.StandardCharsets.UTF_8);
        for (String prefix : ClinsConsents.PREFIXES) {
            assertThat(xml).doesNotContain(prefix + "Cons").doesNotContain(prefix + "AvailableTime");
        }
        assertThat(QualificationMessages.parseResult(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body()
                .results()).allSatisfy(r -> assertThat(r.clinsConsents()).isNull());
    }

    @Test
    void aFileWithOnlySomeTripletsReadsTheOthersAsAbsent() {
        String xml = new String(QualificationMessages.writeResult(withClins(null, CharacterCode.UTF_8)).bytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("<ArbitraryIdentifier>",
                "<TestInfoConsFlg>1</TestInfoConsFlg><TestInfoConsTime>20250401093000</TestInfoConsTime>"
                        + "<ArbitraryIdentifier>");
        ClinsConsents read = QualificationMessages.parseResult(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .body().results().get(0).clinsConsents();
        assertThat(read.testInfo()).isEqualTo(new Consent(ConsentStatus.CONSENTED, LocalDateTime.of(2025, 4, 1, 9, 30),
                null));
        assertThat(read.diagnosisName()).isNull();
        assertThat(read.prescriptionInfo()).isNull();
    }
}
