package org.openoqs.core.message;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateChanged;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.Sex;

/**
 * {@code ResultOfQualificationConfirmation}: the result record shared by the number inquiry, the card (face)
 * result and the bulk results. Every element is optional in the file; absent ones are {@code null}.
 * Build with {@link #builder()}; the record has too many components to construct positionally.
 *
 * @param insuredCardClassification 被保険者証区分 (OQSCD010)
 * @param insurerNumber 保険者番号, file form (8 characters, 国保 space-padded)
 * @param insuredCardSymbol 記号
 * @param insuredIdentificationNumber 番号
 * @param insuredBranchNumber 枝番
 * @param personalFamilyClassification 本人・家族 (absent for 後期高齢者)
 * @param insuredName 被保険者氏名（世帯主）
 * @param name 氏名, full-width space between family and given name
 * @param nameOfOther 氏名（その他）
 * @param nameKana 氏名カナ, half-width katakana
 * @param nameOfOtherKana 氏名（その他）カナ
 * @param sex1 性別1
 * @param sex2 性別2
 * @param birthdate 生年月日
 * @param address 住所
 * @param postNumber 郵便番号 nnn-nnnn
 * @param qualificationDate 資格取得年月日
 * @param disqualificationDate 資格喪失年月日
 * @param insuredCertificateIssuanceDate 交付年月日
 * @param insuredCardValidDate 有効開始日
 * @param insuredCardExpirationDate 有効終了日
 * @param insuredPartialContributionRatio 一部負担金割合 010/020/030
 * @param preschoolClassification 未就学区分
 * @param reasonOfLoss 資格喪失事由
 * @param insurerName 保険者名称
 * @param elderlyRecipientCertificateInfo 高齢受給者証情報
 * @param limitApplicationCertificateRelatedConsFlg 限度額 提供同意
 * @param limitApplicationCertificateRelatedConsTime 限度額 同意日時
 * @param limitApplicationCertificateRelatedInfo 限度額適用認定証関連情報
 * @param limitApplicationCertificateChanged 限度額情報変更有無
 * @param specificDiseasesCertificateRelatedConsFlg 特定疾病 提供同意
 * @param specificDiseasesCertificateRelatedConsTime 特定疾病 同意日時
 * @param specificDiseasesCertificates 特定疾病療養受療証情報
 * @param medicalTickets 医療扶助 医療券・調剤券 ({@code PublicExpenseResultList}; empty for every other record)
 * @param specificHealthCheckupsInfo 特定健診情報 閲覧同意
 * @param pharmacistsInfo 薬剤情報 閲覧同意
 * @param diagnosisInfo 診療情報 閲覧同意
 * @param operationInfo 手術情報 閲覧同意
 * @param clinsConsents 電子カルテ情報共有サービス 閲覧同意 (the six 2025 triplets; {@code null}: absent)
 * @param arbitraryIdentifier the facility's per-person id, echoed
 * @param referenceNumber 照会番号 registered by this facility
 */
public record ResultOfQualificationConfirmation(
        InsuredCardClassification insuredCardClassification,
        String insurerNumber,
        String insuredCardSymbol,
        String insuredIdentificationNumber,
        String insuredBranchNumber,
        PersonalFamilyClassification personalFamilyClassification,
        String insuredName,
        String name,
        String nameOfOther,
        String nameKana,
        String nameOfOtherKana,
        Sex sex1,
        Sex sex2,
        LocalDate birthdate,
        String address,
        String postNumber,
        LocalDate qualificationDate,
        LocalDate disqualificationDate,
        LocalDate insuredCertificateIssuanceDate,
        LocalDate insuredCardValidDate,
        LocalDate insuredCardExpirationDate,
        String insuredPartialContributionRatio,
        PreschoolClassification preschoolClassification,
        ReasonOfLoss reasonOfLoss,
        String insurerName,
        ElderlyRecipientCertificateInfo elderlyRecipientCertificateInfo,
        LimitApplicationConsent limitApplicationCertificateRelatedConsFlg,
        LocalDateTime limitApplicationCertificateRelatedConsTime,
        LimitApplicationCertificateRelatedInfo limitApplicationCertificateRelatedInfo,
        LimitApplicationCertificateChanged limitApplicationCertificateChanged,
        ConsentStatus specificDiseasesCertificateRelatedConsFlg,
        LocalDateTime specificDiseasesCertificateRelatedConsTime,
        List<SpecificDiseasesCertificateInfo> specificDiseasesCertificates,
        List<MedicalTicketInfo> medicalTickets,
        Consent specificHealthCheckupsInfo,
        Consent pharmacistsInfo,
        Consent diagnosisInfo,
        Consent operationInfo,
        ClinsConsents clinsConsents,
        String arbitraryIdentifier,
        String referenceNumber) {

    public ResultOfQualificationConfirmation {
        specificDiseasesCertificates = specificDiseasesCertificates == null ? List.of() : List.copyOf(specificDiseasesCertificates);
        medicalTickets = medicalTickets == null ? List.of() : List.copyOf(medicalTickets);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.insuredCardClassification = insuredCardClassification;
        b.insurerNumber = insurerNumber;
        b.insuredCardSymbol = insuredCardSymbol;
        b.insuredIdentificationNumber = insuredIdentificationNumber;
        b.insuredBranchNumber = insuredBranchNumber;
        b.personalFamilyClassification = personalFamilyClassification;
        b.insuredName = insuredName;
        b.name = name;
        b.nameOfOther = nameOfOther;
        b.nameKana = nameKana;
        b.nameOfOtherKana = nameOfOtherKana;
        b.sex1 = sex1;
        b.sex2 = sex2;
        b.birthdate = birthdate;
        b.address = address;
        b.postNumber = postNumber;
        b.qualificationDate = qualificationDate;
        b.disqualificationDate = disqualificationDate;
        b.insuredCertificateIssuanceDate = insuredCertificateIssuanceDate;
        b.insuredCardValidDate = insuredCardValidDate;
        b.insuredCardExpirationDate = insuredCardExpirationDate;
        b.insuredPartialContributionRatio = insuredPartialContributionRatio;
        b.preschoolClassification = preschoolClassification;
        b.reasonOfLoss = reasonOfLoss;
        b.insurerName = insurerName;
        b.elderlyRecipientCertificateInfo = elderlyRecipientCertificateInfo;
        b.limitApplicationCertificateRelatedConsFlg = limitApplicationCertificateRelatedConsFlg;
        b.limitApplicationCertificateRelatedConsTime = limitApplicationCertificateRelatedConsTime;
        b.limitApplicationCertificateRelatedInfo = limitApplicationCertificateRelatedInfo;
        b.limitApplicationCertificateChanged = limitApplicationCertificateChanged;
        b.specificDiseasesCertificateRelatedConsFlg = specificDiseasesCertificateRelatedConsFlg;
        b.specificDiseasesCertificateRelatedConsTime = specificDiseasesCertificateRelatedConsTime;
        b.specificDiseasesCertificates = specificDiseasesCertificates;
        b.medicalTickets = medicalTickets;
        b.specificHealthCheckupsInfo = specificHealthCheckupsInfo;
        b.pharmacistsInfo = pharmacistsInfo;
        b.diagnosisInfo = diagnosisInfo;
        b.operationInfo = operationInfo;
        b.clinsConsents = clinsConsents;
        b.arbitraryIdentifier = arbitraryIdentifier;
        b.referenceNumber = referenceNumber;
        return b;
    }

    /** Fluent builder; unset components stay {@code null}. */
    public static final class Builder {
        private InsuredCardClassification insuredCardClassification;
        private String insurerNumber;
        private String insuredCardSymbol;
        private String insuredIdentificationNumber;
        private String insuredBranchNumber;
        private PersonalFamilyClassification personalFamilyClassification;
        private String insuredName;
        private String name;
        private String nameOfOther;
        private String nameKana;
        private String nameOfOtherKana;
        private Sex sex1;
        private Sex sex2;
        private LocalDate birthdate;
        private String address;
        private String postNumber;
        private LocalDate qualificationDate;
        private LocalDate disqualificationDate;
        private LocalDate insuredCertificateIssuanceDate;
        private LocalDate insuredCardValidDate;
        private LocalDate insuredCardExpirationDate;
        private String insuredPartialContributionRatio;
        private PreschoolClassification preschoolClassification;
        private ReasonOfLoss reasonOfLoss;
        private String insurerName;
        private ElderlyRecipientCertificateInfo elderlyRecipientCertificateInfo;
        private LimitApplicationConsent limitApplicationCertificateRelatedConsFlg;
        private LocalDateTime limitApplicationCertificateRelatedConsTime;
        private LimitApplicationCertificateRelatedInfo limitApplicationCertificateRelatedInfo;
        private LimitApplicationCertificateChanged limitApplicationCertificateChanged;
        private ConsentStatus specificDiseasesCertificateRelatedConsFlg;
        private LocalDateTime specificDiseasesCertificateRelatedConsTime;
        private List<SpecificDiseasesCertificateInfo> specificDiseasesCertificates = List.of();
        private List<MedicalTicketInfo> medicalTickets = List.of();
        private Consent specificHealthCheckupsInfo;
        private Consent pharmacistsInfo;
        private Consent diagnosisInfo;
        private Consent operationInfo;
        private ClinsConsents clinsConsents;
        private String arbitraryIdentifier;
        private String referenceNumber;

        private Builder() {
        }

        public Builder insuredCardClassification(InsuredCardClassification value) {
            this.insuredCardClassification = value;
            return this;
        }

        public Builder insurerNumber(String value) {
            this.insurerNumber = value;
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

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder nameOfOther(String value) {
            this.nameOfOther = value;
            return this;
        }

        public Builder nameKana(String value) {
            this.nameKana = value;
            return this;
        }

        public Builder nameOfOtherKana(String value) {
            this.nameOfOtherKana = value;
            return this;
        }

        public Builder sex1(Sex value) {
            this.sex1 = value;
            return this;
        }

        public Builder sex2(Sex value) {
            this.sex2 = value;
            return this;
        }

        public Builder birthdate(LocalDate value) {
            this.birthdate = value;
            return this;
        }

        public Builder address(String value) {
            this.address = value;
            return this;
        }

        public Builder postNumber(String value) {
            this.postNumber = value;
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

        public Builder insuredPartialContributionRatio(String value) {
            this.insuredPartialContributionRatio = value;
            return this;
        }

        public Builder preschoolClassification(PreschoolClassification value) {
            this.preschoolClassification = value;
            return this;
        }

        public Builder reasonOfLoss(ReasonOfLoss value) {
            this.reasonOfLoss = value;
            return this;
        }

        public Builder insurerName(String value) {
            this.insurerName = value;
            return this;
        }

        public Builder elderlyRecipientCertificateInfo(ElderlyRecipientCertificateInfo value) {
            this.elderlyRecipientCertificateInfo = value;
            return this;
        }

        public Builder limitApplicationCertificateRelatedConsFlg(LimitApplicationConsent value) {
            this.limitApplicationCertificateRelatedConsFlg = value;
            return this;
        }

        public Builder limitApplicationCertificateRelatedConsTime(LocalDateTime value) {
            this.limitApplicationCertificateRelatedConsTime = value;
            return this;
        }

        public Builder limitApplicationCertificateRelatedInfo(LimitApplicationCertificateRelatedInfo value) {
            this.limitApplicationCertificateRelatedInfo = value;
            return this;
        }

        public Builder limitApplicationCertificateChanged(LimitApplicationCertificateChanged value) {
            this.limitApplicationCertificateChanged = value;
            return this;
        }

        public Builder specificDiseasesCertificateRelatedConsFlg(ConsentStatus value) {
            this.specificDiseasesCertificateRelatedConsFlg = value;
            return this;
        }

        public Builder specificDiseasesCertificateRelatedConsTime(LocalDateTime value) {
            this.specificDiseasesCertificateRelatedConsTime = value;
            return this;
        }

        public Builder specificDiseasesCertificates(List<SpecificDiseasesCertificateInfo> value) {
            this.specificDiseasesCertificates = value;
            return this;
        }

        public Builder medicalTickets(List<MedicalTicketInfo> value) {
            this.medicalTickets = value;
            return this;
        }

        public Builder specificHealthCheckupsInfo(Consent value) {
            this.specificHealthCheckupsInfo = value;
            return this;
        }

        public Builder pharmacistsInfo(Consent value) {
            this.pharmacistsInfo = value;
            return this;
        }

        public Builder diagnosisInfo(Consent value) {
            this.diagnosisInfo = value;
            return this;
        }

        public Builder operationInfo(Consent value) {
            this.operationInfo = value;
            return this;
        }

        public Builder clinsConsents(ClinsConsents value) {
            this.clinsConsents = value;
            return this;
        }

        public Builder arbitraryIdentifier(String value) {
            this.arbitraryIdentifier = value;
            return this;
        }

        public Builder referenceNumber(String value) {
            this.referenceNumber = value;
            return this;
        }

        public ResultOfQualificationConfirmation build() {
            return new ResultOfQualificationConfirmation(insuredCardClassification, insurerNumber, insuredCardSymbol, insuredIdentificationNumber, insuredBranchNumber, personalFamilyClassification, insuredName, name, nameOfOther, nameKana, nameOfOtherKana, sex1, sex2, birthdate, address, postNumber, qualificationDate, disqualificationDate, insuredCertificateIssuanceDate, insuredCardValidDate, insuredCardExpirationDate, insuredPartialContributionRatio, preschoolClassification, reasonOfLoss, insurerName, elderlyRecipientCertificateInfo, limitApplicationCertificateRelatedConsFlg, limitApplicationCertificateRelatedConsTime, limitApplicationCertificateRelatedInfo, limitApplicationCertificateChanged, specificDiseasesCertificateRelatedConsFlg, specificDiseasesCertificateRelatedConsTime, specificDiseasesCertificates, medicalTickets, specificHealthCheckupsInfo, pharmacistsInfo, diagnosisInfo, operationInfo, clinsConsents, arbitraryIdentifier, referenceNumber);
        }
    }
}
