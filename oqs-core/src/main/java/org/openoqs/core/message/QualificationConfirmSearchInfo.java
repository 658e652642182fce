package org.openoqs.core.message;

/**
 * The search block of a number inquiry ({@code QualificationConfirmSearchInfo}), kept exactly as the facility
 * wrote it: it is validated separately and echoed back verbatim in the result.
 *
 * @param insurerNumber 保険者番号, 8 characters (6-digit 国保 numbers padded with leading spaces)
 * @param insuredCardSymbol 記号 (optional)
 * @param insuredIdentificationNumber 番号
 * @param insuredBranchNumber 枝番, 2 digits (optional for 後期高齢者)
 * @param birthdate yyyyMMdd
 * @param limitApplicationCertificateRelatedConsFlg OQSCD001, the patient's consent to disclose 限度額 information
 * @param arbitraryIdentifier the facility's own per-person id, echoed back
 */
public record QualificationConfirmSearchInfo(
        String insurerNumber,
        String insuredCardSymbol,
        String insuredIdentificationNumber,
        String insuredBranchNumber,
        String birthdate,
        String limitApplicationCertificateRelatedConsFlg,
        String arbitraryIdentifier) {
}
