package org.openoqs.core.consent;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One consent a patient gave one facility, as the service records it.
 *
 * @param institutionCode the facility that may view
 * @param personId        the patient (registry id)
 * @param category        what may be viewed
 * @param treatment       the care setting it was given for
 * @param consentTime     when the patient confirmed it on the reader ({@code …ConsTime}, JST)
 * @param availableUntil  end of the viewing period ({@code …AvailableTime}, JST), exclusive
 */
public record ConsentRecord(
        String institutionCode,
        String personId,
        ConsentCategory category,
        MedicalTreatmentFlag treatment,
        LocalDateTime consentTime,
        LocalDateTime availableUntil) {

    public ConsentRecord {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(consentTime, "consentTime");
        Objects.requireNonNull(availableUntil, "availableUntil");
    }

    /** Inside the viewing period at {@code now}. */
    public boolean isAvailableAt(LocalDateTime now) {
        return !now.isBefore(consentTime) && now.isBefore(availableUntil);
    }
}
