package org.openoqs.core.bulk;

/**
 * The selection of a care-setting bulk upload ({@code OQSmutic}, {@code OQSmuhvq}, {@code OQSmuonq}), the single
 * {@code QualificationConfirmSearchInfo} of its body, values raw as written (INTERFACE.md §4.5). Which fields
 * apply depends on the flow; {@link CareSettingCriteria#of} checks them.
 *
 * @param medicalTreatmentMonth 診療年月 {@code yyyyMM} (医療扶助)
 * @param consentDateFrom 同意日 from, {@code yyyyMMdd} (訪問診療等, オンライン診療等)
 * @param consentDateTo 同意日 to
 * @param examinationDateFrom 受診日 from (オンライン診療等, instead of the consent dates)
 * @param examinationDateTo 受診日 to
 * @param medicalTreatmentFlag OQSCD028: 2 訪問診療等, 3 オンライン診療等
 */
public record CareSettingSearchInfo(
        String medicalTreatmentMonth,
        String consentDateFrom,
        String consentDateTo,
        String examinationDateFrom,
        String examinationDateTo,
        String medicalTreatmentFlag) {
}
