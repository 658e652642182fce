package org.openoqs.core.message;

import java.util.List;
import org.openoqs.core.code.ConsistencyFlag;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfElderlyMedicalCare;
import org.openoqs.core.code.StatusOfInfection;
import org.openoqs.core.code.StatusOfPrefecturalExpenses;
import org.openoqs.core.code.StatusOfSocialInsurance;

/**
 * What a welfare office writes on a 医療券・調剤券 besides its number, month and dates (INTERFACE.md §4.2,
 * {@code MedicalTicketInfo}); the registry keeps it per ticket and results carry it as is. Every value is optional.
 *
 * @param designatedMedicalInstitutionName 指定医療機関名
 * @param prescriptionIssuerMedicalInstitutionCode 処方箋発行医療機関コード (調剤券)
 * @param prescriptionIssuerMedicalInstitutionName 処方箋発行医療機関名 (調剤券)
 * @param injuryNames 傷病名 1–3 ({@code InjuryName1..3}; at most three are written)
 * @param medicalTreatmentType 診療別 (OQSCD019)
 * @param selfPayAmount 本人支払額, yen as written
 * @param districtContactName 地区担当員名
 * @param handlingContactName 取扱担当者名
 * @param singleOrCombinedUse 単独・併用別 (OQSCD020)
 * @param statusOfSocialInsurance 社会保険の有無 (OQSCD021)
 * @param consistencyFlag 不整合あり (OQSCD022), absent when consistent
 * @param statusOfInfection 感染症法37条の2 の有無 (OQSCD023)
 * @param statusOfElderlyMedicalCare 後期高齢者医療の有無 (OQSCD024)
 * @param statusOfPrefecturalExpenses 県費の有無 (OQSCD025)
 * @param remarks 備考 1–3 ({@code Remarks1..3})
 */
public record MedicalTicketDetails(
        String designatedMedicalInstitutionName,
        String prescriptionIssuerMedicalInstitutionCode,
        String prescriptionIssuerMedicalInstitutionName,
        List<String> injuryNames,
        MedicalTreatmentType medicalTreatmentType,
        String selfPayAmount,
        String districtContactName,
        String handlingContactName,
        SingleOrCombinedUse singleOrCombinedUse,
        StatusOfSocialInsurance statusOfSocialInsurance,
        ConsistencyFlag consistencyFlag,
        StatusOfInfection statusOfInfection,
        StatusOfElderlyMedicalCare statusOfElderlyMedicalCare,
        StatusOfPrefecturalExpenses statusOfPrefecturalExpenses,
        List<String> remarks) {

    /** Numbered elements ({@code InjuryName1..3}, {@code Remarks1..3}) the interface has room for. */
    public static final int NUMBERED = 3;

    /** A ticket with nothing written besides its number, month and dates. */
    public static final MedicalTicketDetails NONE = new MedicalTicketDetails(null, null, null, List.of(), null, null,
            null, null, null, null, null, null, null, null, List.of());

    public MedicalTicketDetails {
        injuryNames = firstThree(injuryNames);
        remarks = firstThree(remarks);
    }

    private static List<String> firstThree(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> present = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        return present.size() <= NUMBERED ? present : present.subList(0, NUMBERED);
    }
}
