package org.openoqs.pki;

import java.util.Arrays;
import java.util.Optional;

/**
 * The national qualification an HPKI-style certificate attests in its {@code hcRole} attribute (ISO 17090, as the
 * Japanese HPKI certificate policy uses it). Only doctors and dentists may sign prescriptions.
 */
public enum HealthcareRole {
    MEDICAL_DOCTOR("Medical Doctor", "医師", true),
    DENTIST("Dentist", "歯科医師", true),
    PHARMACIST("Pharmacist", "薬剤師", false);

    private final String value;
    private final String label;
    private final boolean prescriber;

    HealthcareRole(String value, String label, boolean prescriber) {
        this.value = value;
        this.label = label;
        this.prescriber = prescriber;
    }

    /** The English name written into the certificate, e.g. {@code Medical Doctor}. */
    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    /** May sign a prescription. */
    public boolean prescriber() {
        return prescriber;
    }

    public static Optional<HealthcareRole> ofValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
