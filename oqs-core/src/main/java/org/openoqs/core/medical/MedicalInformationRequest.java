package org.openoqs.core.medical;

import java.time.YearMonth;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.number.InsurerNumber;

/**
 * A validated {@code YZKsiquc01req_} / {@code TKKsiquc01req_} (INTERFACE.md §4.7). The insurance keys sit in the
 * header under their own names ({@code InsuranceCardSymbol}, {@code InsuredPersonIdentificationNumber},
 * {@code BranchNumber}).
 *
 * @param from first month of a drug history ({@code StartDate}); for 特定健診 {@code null}
 * @param to   last month ({@code EndDate}); for 特定健診 {@code null}
 */
public record MedicalInformationRequest(
        MedicalInformationKind kind,
        String medicalInstitutionCode,
        InsurerNumber insurerNumber,
        String insuranceCardSymbol,
        String insuredPersonIdentificationNumber,
        String branchNumber,
        String arbitraryFileIdentifier,
        YearMonth from,
        YearMonth to,
        String fileCategory,
        MedicalTreatmentFlag treatment) {

    public boolean wantsPdf() {
        return MedicalInformationKind.isPdf(fileCategory);
    }
}
