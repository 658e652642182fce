package org.openoqs.core.message;

/**
 * Header of a qualification-type request, as written by the facility (validated separately).
 *
 * @param qualificationConfirmationDate yyyyMMdd, the day eligibility is evaluated for
 * @param medicalInstitutionCode 10 digits
 * @param arbitraryFileIdentifier optional correlation id, echoed back
 */
public record RequestHeader(
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier) {
}
