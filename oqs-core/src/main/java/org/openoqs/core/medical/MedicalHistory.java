package org.openoqs.core.medical;

import java.time.YearMonth;
import java.util.List;

/** What the service knows of one person's care: dispensings, 特定健診, diagnoses and operations. Synthetic. */
public record MedicalHistory(
        String personId,
        List<DispensingRecord> dispensings,
        List<HealthCheckup> checkups,
        List<Diagnosis> diagnoses,
        List<Surgery> surgeries) {

    public MedicalHistory {
        dispensings = List.copyOf(dispensings);
        checkups = List.copyOf(checkups);
        diagnoses = List.copyOf(diagnoses);
        surgeries = List.copyOf(surgeries);
    }

    /** Dispensings of the months {@code from} … {@code to} (inclusive), oldest first. */
    public List<DispensingRecord> dispensingsBetween(YearMonth from, YearMonth to) {
        return dispensings.stream().filter(d -> !d.month().isBefore(from) && !d.month().isAfter(to)).toList();
    }
}
