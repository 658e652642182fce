package org.openoqs.core.homecare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.homecare.HomeCareResults;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/** The 居宅同意 reads 1 in its period, then 2 with the OQSCD031 reason; the result block says so, in both encodings. */
class HomeCareConsentStateTest {

    private static final LocalDateTime GIVEN = LocalDateTime.of(2026, 4, 1, 10, 0);

    private static HomeCareConsent consent() {
        return new HomeCareConsent("0113810014", "P000000001", MedicalTreatmentFlag.HOME_VISIT, GIVEN,
                GIVEN.plusDays(365), null, null);
    }

    @Test
    void inForceDuringItsPeriodThenExpiredWithReasonZero() {
        assertThat(consent().statusAt(GIVEN)).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(consent().expirationReasonAt(GIVEN.plusDays(364))).isEmpty();
        assertThat(consent().statusAt(GIVEN.plusDays(365))).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(consent().expirationReasonAt(GIVEN.plusDays(365))).contains(ConsentCancellationReason.PERIOD_ENDED);
    }

    @Test
    void aCancellationEndsItWithTheCancellersReason() {
        HomeCareConsent cancelled = consent().cancel(GIVEN.plusDays(3), ConsentCancellationReason.CANCELLED_BY_PATIENT);
        assertThat(cancelled.statusAt(GIVEN.plusDays(2))).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(cancelled.statusAt(GIVEN.plusDays(3))).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(cancelled.expirationReasonAt(GIVEN.plusDays(400)))
                .contains(ConsentCancellationReason.CANCELLED_BY_PATIENT);
    }

    @Test
    void onlyHomeCareSettingsAndRealReasonsAreAccepted() {
        assertThatThrownBy(() -> new HomeCareConsent("0113810014", "P1", MedicalTreatmentFlag.OUTPATIENT, GIVEN,
                GIVEN.plusDays(1), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> consent().cancel(GIVEN, ConsentCancellationReason.PERIOD_ENDED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResultBlockFollowsQualificationValidityAndSurvivesBothEncodings() {
        QualificationInquiryResult result = new QualificationInquiryResult(
                new ResultHeader(GIVEN, LocalDate.of(2026, 4, 1), "0113810014", "HVQ", ReferenceClassification.INSURANCE_CARD_NUMBERS,
                        SegmentOfResult.COMPLETED, null, null, CharacterCode.SHIFT_JIS),
                new QualificationResultBody(null, ProcessingResultStatus.COMPLETED, null, null, QualificationValidity.VALID,
                        null, List.of()));
        HomeCareConsent cancelled = consent().cancel(GIVEN.plusDays(3), ConsentCancellationReason.CANCELLED_BY_FACILITY);
        XmlNode tree = HomeCareResults.toXml(result, cancelled, GIVEN.plusDays(4));

        List<String> bodyOrder = tree.child("MessageBody").orElseThrow().children().stream().map(XmlNode::name).toList();
        assertThat(bodyOrder).containsSubsequence("QualificationValidity", HomeCareResults.BLOCK);
        for (CharacterCode code : CharacterCode.values()) {
            byte[] bytes = new XmlDocumentWriter().write(tree, code).bytes();
            HomeCareResults.Block block = HomeCareResults.read(new XmlDocumentReader().read(bytes)).orElseThrow();
            assertThat(block).isEqualTo(new HomeCareResults.Block("2", "2", "20260401100000", "20270401100000", "1",
                    "20260404100000"));
        }
        HomeCareResults.Block inForce = HomeCareResults.read(HomeCareResults.toXml(result, consent(), GIVEN)).orElseThrow();
        assertThat(inForce.consFlg()).isEqualTo("1");
        assertThat(inForce.expirationReason()).isNull();
        assertThat(inForce.cancellationTime()).isNull();
    }
}
