package org.openoqs.core.eligibility;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/**
 * Builds the {@code ResultOfQualificationConfirmation} record of one qualification (docs/eligibility.md,
 * "Result record"). Pure function of its arguments.
 */
public final class QualificationRecords {

    private QualificationRecords() {
    }

    /**
     * The result record for {@code q} of {@code person} as seen on {@code confirmationDate}.
     *
     * @param limitConsent the patient consented to disclose 限度額 information (OQSCD001 = 1); also gates the
     *        特定疾病療養受療証 list, which has no consent flag of its own in a number inquiry
     * @param now the confirmation time, used as {@code …ConsTime}
     * @param arbitraryIdentifier echoed {@code ArbitraryIdentifier} (nullable)
     * @param referenceNumber the facility's 照会番号 for this person (nullable)
     */
    public static ResultOfQualificationConfirmation toResult(Person person, Qualification q, LocalDate confirmationDate,
            boolean limitConsent, LocalDateTime now, String arbitraryIdentifier, String referenceNumber) {
        boolean lateElderly = q.isLateElderly();
        boolean assistance = q.isMedicalAssistance();
        boolean familyShape = !lateElderly && !assistance;
        ResultOfQualificationConfirmation.Builder b = ResultOfQualificationConfirmation.builder()
                .insuredCardClassification(q.insuredCardClassification())
                .insurerNumber(q.insurerNumber().fileForm())
                .insuredCardSymbol(blankToNull(q.insuredCardSymbol()))
                .insuredIdentificationNumber(q.insuredIdentificationNumber())
                .insuredBranchNumber(familyShape ? blankToNull(q.insuredBranchNumber()) : null)
                .personalFamilyClassification(familyShape ? q.personalFamilyClassification() : null)
                .insuredName(q.insuredName())
                .name(person.name())
                .nameKana(person.nameKana())
                .sex1(person.sex())
                .birthdate(person.birthdate())
                .address(person.address())
                .postNumber(person.postNumber())
                .qualificationDate(q.qualificationDate())
                .disqualificationDate(q.disqualificationDate())
                .reasonOfLoss(q.reasonOfLoss())
                .insuredCertificateIssuanceDate(q.insuredCertificateIssuanceDate())
                .insuredCardValidDate(q.insuredCardValidDate())
                .insuredCardExpirationDate(q.insuredCardExpirationDate())
                .insuredPartialContributionRatio(lateElderly ? q.partialContributionRatio() : null)
                .preschoolClassification(familyShape && person.isPreschoolOn(confirmationDate)
                        ? PreschoolClassification.PRESCHOOL : null)
                .insurerName(q.insurerName())
                .elderlyRecipientCertificateInfo(elderly(q.elderlyRecipientCertificateInfo(), confirmationDate))
                .arbitraryIdentifier(blankToNull(arbitraryIdentifier))
                .referenceNumber(blankToNull(referenceNumber));
        if (limitConsent) {
            b.limitApplicationCertificateRelatedConsFlg(LimitApplicationConsent.CONSENTED)
                    .limitApplicationCertificateRelatedConsTime(now)
                    .limitApplicationCertificateRelatedInfo(limit(q.limitApplicationCertificateRelatedInfo(), confirmationDate))
                    .specificDiseasesCertificateRelatedConsFlg(ConsentStatus.CONSENTED)
                    .specificDiseasesCertificateRelatedConsTime(now)
                    .specificDiseasesCertificates(diseases(q.specificDiseasesCertificates(), confirmationDate));
        } else {
            b.limitApplicationCertificateRelatedConsFlg(LimitApplicationConsent.NOT_CONSENTED)
                    .specificDiseasesCertificateRelatedConsFlg(ConsentStatus.NOT_CONSENTED);
        }
        return b.build();
    }

    static boolean covers(LocalDate from, LocalDate until, LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
    }

    private static ElderlyRecipientCertificateInfo elderly(ElderlyRecipientCertificateInfo info, LocalDate date) {
        return info != null && covers(info.validStartDate(), info.validEndDate(), date) ? info : null;
    }

    private static LimitApplicationCertificateRelatedInfo limit(LimitApplicationCertificateRelatedInfo info, LocalDate date) {
        return info != null && covers(info.validStartDate(), info.validEndDate(), date) ? info : null;
    }

    private static List<SpecificDiseasesCertificateInfo> diseases(List<SpecificDiseasesCertificateInfo> all, LocalDate date) {
        List<SpecificDiseasesCertificateInfo> out = new ArrayList<>();
        for (SpecificDiseasesCertificateInfo info : all) {
            if (covers(info.validStartDate(), info.validEndDate(), date)) {
                out.add(info);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
