package org.openoqs.core.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateChanged;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;

/** Synthetic messages with every field set (all people and numbers invented; numbers check-digit valid). */
final class Fixtures {

    private Fixtures() {
    }

    static final QualificationConfirmSearchInfo SEARCH = new QualificationConfirmSearchInfo(
            "  279919", "記号ＡＢ", "１２３４", "01", "19540315", "1", "患者0001_1");

    static QualificationInquiryRequest request() {
        return new QualificationInquiryRequest(new RequestHeader("20250401", "0113810014", "RQ-20250401-髙﨑①"), SEARCH);
    }

    static ResultOfQualificationConfirmation fullRecord() {
        LocalDateTime t = LocalDateTime.of(2025, 4, 1, 9, 30, 0);
        return ResultOfQualificationConfirmation.builder()
                .insuredCardClassification(InsuredCardClassification.GENERAL)
                .insurerNumber("  279919")
                .insuredCardSymbol("記号ＡＢ")
                .insuredIdentificationNumber("１２３４")
                .insuredBranchNumber("01")
                .personalFamilyClassification(PersonalFamilyClassification.INSURED_PERSON)
                .insuredName("髙﨑　一郎")
                .name("髙﨑　一郎")
                .nameOfOther("たかさき　いちろう")
                .nameKana("ﾀｶｻｷ ｲﾁﾛｳ")
                .nameOfOtherKana("ﾀｶｻｷ ｲﾁﾛｰ")
                .sex1(Sex.MALE)
                .sex2(Sex.UNSET)
                .birthdate(LocalDate.of(1954, 3, 15))
                .address("東京都千代田区霞が関１－２－２　テスト棟①～３階")
                .postNumber("100-8916")
                .qualificationDate(LocalDate.of(2019, 4, 1))
                .disqualificationDate(LocalDate.of(2026, 3, 31))
                .insuredCertificateIssuanceDate(LocalDate.of(2024, 8, 1))
                .insuredCardValidDate(LocalDate.of(2024, 8, 1))
                .insuredCardExpirationDate(LocalDate.of(2025, 7, 31))
                .insuredPartialContributionRatio("020")
                .preschoolClassification(PreschoolClassification.PRESCHOOL)
                .reasonOfLoss(ReasonOfLoss.OTHER)
                .insurerName("テスト市国民健康保険")
                .elderlyRecipientCertificateInfo(new ElderlyRecipientCertificateInfo(
                        LocalDate.of(2024, 7, 15), LocalDate.of(2024, 8, 1), LocalDate.of(2025, 7, 31), "020"))
                .limitApplicationCertificateRelatedConsFlg(LimitApplicationConsent.CONSENTED)
                .limitApplicationCertificateRelatedConsTime(t)
                .limitApplicationCertificateRelatedInfo(new LimitApplicationCertificateRelatedInfo(
                        LimitApplicationCertificateClassification.LIMIT_AND_MEAL_REDUCTION,
                        LimitApplicationCertificateClassificationFlag.B06,
                        LocalDate.of(2024, 8, 1), LocalDate.of(2024, 8, 1), LocalDate.of(2025, 7, 31), LocalDate.of(2025, 1, 1)))
                .limitApplicationCertificateChanged(LimitApplicationCertificateChanged.CHANGED_OR_UNKNOWN)
                .specificDiseasesCertificateRelatedConsFlg(ConsentStatus.CONSENTED)
                .specificDiseasesCertificateRelatedConsTime(t)
                .specificDiseasesCertificates(List.of(
                        new SpecificDiseasesCertificateInfo(SpecificDiseasesDiseaseCategory.CHRONIC_RENAL_FAILURE_DIALYSIS,
                                LocalDate.of(2020, 1, 10), LocalDate.of(2020, 2, 1), LocalDate.of(2099, 12, 31), "10000"),
                        new SpecificDiseasesCertificateInfo(SpecificDiseasesDiseaseCategory.HIV_FROM_COAGULATION_PRODUCTS,
                                LocalDate.of(2021, 1, 10), LocalDate.of(2021, 2, 1), LocalDate.of(2030, 1, 31), "20000")))
                .specificHealthCheckupsInfo(new Consent(ConsentStatus.CONSENTED, t, t.plusDays(1)))
                .pharmacistsInfo(new Consent(ConsentStatus.NOT_CONSENTED, t.plusMinutes(1), t.plusDays(1).plusMinutes(1)))
                .diagnosisInfo(new Consent(ConsentStatus.EXPIRED, t.plusSeconds(2), t.plusDays(1).plusSeconds(2)))
                .operationInfo(new Consent(ConsentStatus.DIFFICULT_TO_OBTAIN, t.plusSeconds(3), t.plusDays(1).plusSeconds(3)))
                .arbitraryIdentifier("患者0001_1")
                .referenceNumber("24434")
                .build();
    }

    static QualificationInquiryResult fullResult(CharacterCode cc) {
        ResultHeader header = new ResultHeader(LocalDateTime.of(2025, 4, 1, 9, 30, 15), LocalDate.of(2025, 4, 1),
                "0113810014", "RQ-20250401-髙﨑①", ReferenceClassification.INSURANCE_CARD_NUMBERS,
                SegmentOfResult.COMPLETED, null, null, cc);
        ResultOfQualificationConfirmation second = fullRecord().toBuilder()
                .insurerNumber("06279913").name("田中　花子").sex1(Sex.FEMALE).referenceNumber(null).build();
        QualificationResultBody body = new QualificationResultBody(SEARCH, ProcessingResultStatus.COMPLETED,
                "OQSI0001", "マイナンバーカードの有効期限が３か月以内です。", QualificationValidity.MULTIPLE_MATCHES,
                PrescriptionIssueSelect.ELECTRONIC, List.of(fullRecord(), second));
        return new QualificationInquiryResult(header, body);
    }
}
