package org.openoqs.core.bulk;

import java.util.List;
import java.util.Objects;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/**
 * A {@code ResultOfQualificationConfirmation} of a bulk unit, with the 医療券・調剤券 that a 医療扶助 result carries
 * inside it ({@code PublicExpenseResultList}); the list is empty for every other result.
 */
public record BulkResultRecord(ResultOfQualificationConfirmation record, List<MedicalTicketInfo> medicalTickets) {

    public BulkResultRecord {
        Objects.requireNonNull(record, "record");
        medicalTickets = medicalTickets == null ? List.of() : List.copyOf(medicalTickets);
    }

    public static BulkResultRecord of(ResultOfQualificationConfirmation record) {
        return new BulkResultRecord(record, List.of());
    }
}
