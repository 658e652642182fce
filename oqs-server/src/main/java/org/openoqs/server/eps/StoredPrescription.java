package org.openoqs.server.eps;

import java.time.Instant;
import java.time.LocalDate;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.PrescriptionStatus;

/**
 * A registered prescription as the service keeps it.
 *
 * @param institutionCode  the prescribing facility
 * @param signedPayload    the CMS SignedData as registered
 * @param signer           SignId of the doctor's certificate
 * @param pharmacyCode     the pharmacy that received it, or {@code null}
 * @param dispensingResult the pharmacy's result, or {@code null}
 */
public record StoredPrescription(String prescriptionId, String accessCode, String institutionCode,
        PrescriptionIssueSelect issueType, PrescriptionStatus status, byte[] signedPayload, String signer,
        String doctorName, LocalDate issueDate, LocalDate expiryDate, String insurerNumber, String patientName,
        LocalDate birthdate, Instant createdAt, Instant cancelledAt, String pharmacyCode, Instant receivedAt,
        Instant dispensedAt, DispensingResult dispensingResult) {

    /** True when the facility may see this prescription: it issued it, or it is the pharmacy that received it. */
    public boolean visibleTo(String institutionCode) {
        return this.institutionCode.equals(institutionCode) || institutionCode.equals(pharmacyCode);
    }
}
