package org.openoqs.core.medical;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One dispensing (調剤) as the claims show it: where it was prescribed and dispensed, when, and what.
 *
 * @param dispensingDate             調剤日 ({@code DiDate})
 * @param prescriptionDate           処方日 ({@code PrDate})
 * @param dispensingInstitutionCode  調剤 (or 院内処方の) 医療機関・薬局コード ({@code MeTrDiHCd})
 * @param dispensingInstitutionName  its name ({@code MeTrDiHNm})
 * @param prescribingInstitutionCode 処方医療機関コード ({@code PrlsHCd})
 * @param prescribingInstitutionName its name ({@code PrlsHNm})
 * @param inpatient                  入院 (true) / 外来 (false) ({@code InOut})
 * @param drugs                      the drugs
 * @param services                   the 診療行為 of the prescribing visit
 */
public record DispensingRecord(
        LocalDate dispensingDate,
        LocalDate prescriptionDate,
        String dispensingInstitutionCode,
        String dispensingInstitutionName,
        String prescribingInstitutionCode,
        String prescribingInstitutionName,
        boolean inpatient,
        List<DispensedDrug> drugs,
        List<MedicalService> services) {

    public DispensingRecord {
        drugs = List.copyOf(drugs);
        services = services == null ? List.of() : List.copyOf(services);
    }

    public YearMonth month() {
        return YearMonth.from(dispensingDate);
    }
}
