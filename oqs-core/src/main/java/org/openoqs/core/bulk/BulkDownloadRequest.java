package org.openoqs.core.bulk;

/**
 * A {@code …02req_} file, values raw as written: header {@code MedicalInstitutionCode} (and an optional
 * {@code ArbitraryFileIdentifier}), body {@code ReceptionNumber}.
 */
public record BulkDownloadRequest(String medicalInstitutionCode, String arbitraryFileIdentifier, String receptionNumber) {
}
