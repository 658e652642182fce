package org.openoqs.core.eps;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The prescription itself, the content the doctor signs (openoqs's simplified stand-in for the real service's
 * CDA / CSV documents; its XML form is described in docs/e-prescription.md and read by {@link org.openoqs.core.codec.eps.PrescriptionDocuments}).
 *
 * @param medicalInstitutionCode the prescribing facility (10 digits)
 * @param medicalInstitutionName its name, or {@code null}
 * @param doctorName             処方医 — must equal the name (CN) of the signing certificate
 * @param issueDate              交付年月日
 * @param expiryDate             使用期限 (交付日を含めて4日 unless the document says otherwise)
 * @param patient                the patient
 * @param medications            at least one drug
 * @param remarks                備考, or {@code null}
 */
public record PrescriptionDocument(String medicalInstitutionCode, String medicalInstitutionName, String doctorName,
        LocalDate issueDate, LocalDate expiryDate, InsuredPatient patient, List<Medication> medications, String remarks) {

    /** 使用期間: the day of issue and the three days after it. */
    public static final int DEFAULT_VALID_DAYS = 4;

    public PrescriptionDocument {
        Objects.requireNonNull(medicalInstitutionCode, "medicalInstitutionCode");
        Objects.requireNonNull(doctorName, "doctorName");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(patient, "patient");
        expiryDate = expiryDate == null ? issueDate.plusDays(DEFAULT_VALID_DAYS - 1) : expiryDate;
        medications = List.copyOf(medications);
        if (medications.isEmpty()) {
            throw new IllegalArgumentException("a prescription needs at least one medication");
        }
    }
}
