package org.openoqs.core.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.number.InsurerNumber;

/**
 * One insurance qualification (資格) of a person as registered by the insurer. For 医療扶助
 * ({@link InsuredCardClassification#MEDICAL_ASSISTANCE}) the insurer number is the 公費負担者番号 (法別12), the
 * identification number is the 受給者番号 and the insurer name is the welfare office's name.
 *
 * <p>A qualification is in force from {@code qualificationDate} (inclusive) to {@code disqualificationDate}
 * (資格喪失日, exclusive: the loss date is the first day without the qualification). Build with
 * {@link #builder()}.
 *
 * @param qualificationId registry id of this qualification
 * @param personId the person it belongs to
 * @param insuredCardClassification 被保険者証区分 (OQSCD010)
 * @param insurerNumber 保険者番号 (or 公費負担者番号)
 * @param insurerName 保険者名称 (or 福祉事務所名)
 * @param insuredCardSymbol 記号 (nullable)
 * @param insuredIdentificationNumber 番号 (or 受給者番号)
 * @param insuredBranchNumber 枝番, 2 digits (nullable: 後期高齢者, 医療扶助)
 * @param personalFamilyClassification 本人・家族 (nullable: 後期高齢者, 医療扶助)
 * @param insuredName 被保険者氏名（世帯主）
 * @param qualificationDate 資格取得年月日
 * @param disqualificationDate 資格喪失年月日 (nullable)
 * @param reasonOfLoss 資格喪失事由 (nullable)
 * @param insuredCertificateIssuanceDate 交付年月日
 * @param insuredCardValidDate 有効開始日 of the certificate
 * @param insuredCardExpirationDate 有効終了日 of the certificate (nullable)
 * @param partialContributionRatio 一部負担金割合 of 後期高齢者, 010/020/030 (nullable)
 * @param preschoolClassification 未就学区分 as last registered (nullable; results derive it from the birthdate)
 * @param elderlyRecipientCertificateInfo 高齢受給者証情報 (70–74, nullable)
 * @param limitApplicationCertificateRelatedInfo 限度額適用認定証関連情報 (nullable)
 * @param specificDiseasesCertificates 特定疾病療養受療証 (may be empty)
 * @param medicalTickets 医療券・調剤券 (医療扶助 only; may be empty)
 */
public record Qualification(
        String qualificationId,
        String personId,
        InsuredCardClassification insuredCardClassification,
        InsurerNumber insurerNumber,
        String insurerName,
        String insuredCardSymbol,
        String insuredIdentificationNumber,
        String insuredBranchNumber,
        PersonalFamilyClassification personalFamilyClassification,
        String insuredName,
        LocalDate qualificationDate,
        LocalDate disqualificationDate,
        ReasonOfLoss reasonOfLoss,
        LocalDate insuredCertificateIssuanceDate,
        LocalDate insuredCardValidDate,
        LocalDate insuredCardExpirationDate,
        String partialContributionRatio,
        PreschoolClassification preschoolClassification,
        ElderlyRecipientCertificateInfo elderlyRecipientCertificateInfo,
        LimitApplicationCertificateRelatedInfo limitApplicationCertificateRelatedInfo,
        List<SpecificDiseasesCertificateInfo> specificDiseasesCertificates,
        List<MedicalTicket> medicalTickets) {

    public Qualification {
        Objects.requireNonNull(qualificationId, "qualificationId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(insuredCardClassification, "insuredCardClassification");
        Objects.requireNonNull(insurerNumber, "insurerNumber");
        Objects.requireNonNull(insuredIdentificationNumber, "insuredIdentificationNumber");
        Objects.requireNonNull(qualificationDate, "qualificationDate");
        specificDiseasesCertificates = specificDiseasesCertificates == null ? List.of() : List.copyOf(specificDiseasesCertificates);
        medicalTickets = medicalTickets == null ? List.of() : List.copyOf(medicalTickets);
    }

    /** In force on {@code date}: acquired on or before it and not lost on or before it. */
    public boolean isValidOn(LocalDate date) {
        return !qualificationDate.isAfter(date) && (disqualificationDate == null || date.isBefore(disqualificationDate));
    }

    /** Lost on or before {@code date}. */
    public boolean isLostBy(LocalDate date) {
        return disqualificationDate != null && !disqualificationDate.isAfter(date);
    }

    /** 医療扶助 (被保険者証区分 A1 or a 法別12 公費負担者番号). */
    public boolean isMedicalAssistance() {
        return insuredCardClassification == InsuredCardClassification.MEDICAL_ASSISTANCE || insurerNumber.isPublicAssistance();
    }

    /** 後期高齢者医療 (法別39). */
    public boolean isLateElderly() {
        return insurerNumber.isLateElderly();
    }

    /** True when a 医療券・調剤券 covers {@code date}. */
    public boolean hasMedicalTicketFor(LocalDate date) {
        for (MedicalTicket ticket : medicalTickets) {
            if (ticket.covers(date)) {
                return true;
            }
        }
        return false;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.qualificationId = qualificationId;
        b.personId = personId;
        b.insuredCardClassification = insuredCardClassification;
        b.insurerNumber = insurerNumber;
        b.insurerName = insurerName;
        b.insuredCardSymbol = insuredCardSymbol;
        b.insuredIdentificationNumber = insuredIdentificationNumber;
        b.insuredBranchNumber = insuredBranchNumber;
        b.personalFamilyClassification = personalFamilyClassification;
        b.insuredName = insuredName;
        b.qualificationDate = qualificationDate;
        b.disqualificationDate = disqualificationDate;
        b.reasonOfLoss = reasonOfLoss;
        b.insuredCertificateIssuanceDate = insuredCertificateIssuanceDate;
        b.insuredCardValidDate = insuredCardValidDate;
        b.insuredCardExpirationDate = insuredCardExpirationDate;
        b.partialContributionRatio = partialContributionRatio;
        b.preschoolClassification = preschoolClassification;
        b.elderlyRecipientCertificateInfo = elderlyRecipientCertificateInfo;
        b.limitApplicationCertificateRelatedInfo = limitApplicationCertificateRelatedInfo;
        b.specificDiseasesCertificates = specificDiseasesCertificates;
        b.medicalTickets = medicalTickets;
        return b;
    }

    /** Fluent builder; unset components stay {@code null} (lists empty). */
    public static final class Builder {
        private String qualificationId;
        private String personId;
        private InsuredCardClassification insuredCardClassification = InsuredCardClassification.GENERAL;
        private InsurerNumber insurerNumber;
        private String insurerName;
        private String insuredCardSymbol;
        private String insuredIdentificationNumber;
        private String insuredBranchNumber;
        private PersonalFamilyClassification personalFamilyClassification;
        private String insuredName;
        private LocalDate qualificationDate;
        private LocalDate disqualificationDate;
        private ReasonOfLoss reasonOfLoss;
        private LocalDate insuredCertificateIssuanceDate;
        private LocalDate insuredCardValidDate;
        private LocalDate insuredCardExpirationDate;
        private String partialContributionRatio;
        private PreschoolClassification preschoolClassification;
        private ElderlyRecipientCertificateInfo elderlyRecipientCertificateInfo;
        private LimitApplicationCertificateRelatedInfo limitApplicationCertificateRelatedInfo;
        private List<SpecificDiseasesCertificateInfo> specificDiseasesCertificates = List.of();
        private List<MedicalTicket> medicalTickets = List.of();

        private Builder() {
        }

        public Builder qualificationId(String value) {
            this.qualificationId = value;
            return this;
        }

        public Builder personId(String value) {
            this.personId = value;
            return this;
        }

        public Builder insuredCardClassification(InsuredCardClassification value) {
            this.insuredCardClassification = value;
            return this;
        }

        public Builder insurerNumber(InsurerNumber value) {
            this.insurerNumber = value;
            return this;
        }

        public Builder insurerName(String value) {
            this.insurerName = value;
            return this;
        }

        public Builder insuredCardSymbol(String value) {
            this.insuredCardSymbol = value;
            return this;
        }

        public Builder insuredIdentificationNumber(String value) {
            this.insuredIdentificationNumber = value;
            return this;
        }

        public Builder insuredBranchNumber(String value) {
            this.insuredBranchNumber = value;
            return this;
        }

        public Builder personalFamilyClassification(PersonalFamilyClassification value) {
            this.personalFamilyClassification = value;
            return this;
        }

        public Builder insuredName(String value) {
            this.insuredName = value;
            return this;
        }

        public Builder qualificationDate(LocalDate value) {
            this.qualificationDate = value;
            return this;
        }

        public Builder disqualificationDate(LocalDate value) {
            this.disqualificationDate = value;
            return this;
        }

        public Builder reasonOfLoss(ReasonOfLoss value) {
            this.reasonOfLoss = value;
            return this;
        }

        public Builder insuredCertificateIssuanceDate(LocalDate value) {
            this.insuredCertificateIssuanceDate = value;
            return this;
        }

        public Builder insuredCardValidDate(LocalDate value) {
            this.insuredCardValidDate = value;
            return this;
        }

        public Builder insuredCardExpirationDate(LocalDate value) {
            this.insuredCardExpirationDate = value;
            return this;
        }

        public Builder partialContributionRatio(String value) {
            this.partialContributionRatio = value;
            return this;
        }

        public Builder preschoolClassification(PreschoolClassification value) {
            this.preschoolClassification = value;
            return this;
        }

        public Builder elderlyRecipientCertificateInfo(ElderlyRecipientCertificateInfo value) {
            this.elderlyRecipientCertificateInfo = value;
            return this;
        }

        public Builder limitApplicationCertificateRelatedInfo(LimitApplicationCertificateRelatedInfo value) {
            this.limitApplicationCertificateRelatedInfo = value;
            return this;
        }

        public Builder specificDiseasesCertificates(List<SpecificDiseasesCertificateInfo> value) {
            this.specificDiseasesCertificates = value;
            return this;
        }

        public Builder medicalTickets(List<MedicalTicket> value) {
            this.medicalTickets = value;
            return this;
        }

        public Qualification build() {
            return new Qualification(qualificationId, personId, insuredCardClassification, insurerNumber, insurerName,
                    insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber, personalFamilyClassification,
                    insuredName, qualificationDate, disqualificationDate, reasonOfLoss, insuredCertificateIssuanceDate,
                    insuredCardValidDate, insuredCardExpirationDate, partialContributionRatio, preschoolClassification,
                    elderlyRecipientCertificateInfo, limitApplicationCertificateRelatedInfo, specificDiseasesCertificates,
                    medicalTickets);
        }
    }
}
