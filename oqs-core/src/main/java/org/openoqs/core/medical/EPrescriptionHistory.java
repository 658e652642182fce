package org.openoqs.core.medical;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.openoqs.core.eps.DispensedMedication;
import org.openoqs.core.eps.Medication;

/**
 * A person's 電子処方箋 data for a 薬剤情報 answer (docs/medical-information.md, "電子処方箋由来"): the prescriptions
 * registered for them ({@code ShPrInf}, 処方情報) and the dispensing results of those a pharmacy dispensed
 * ({@code CzDiInf}, 調剤結果), already limited to the requested months.
 */
public record EPrescriptionHistory(List<Prescribed> prescriptions, List<Dispensed> dispensings) {

    public static final EPrescriptionHistory NONE = new EPrescriptionHistory(List.of(), List.of());

    public EPrescriptionHistory {
        prescriptions = prescriptions == null ? List.of() : List.copyOf(prescriptions);
        dispensings = dispensings == null ? List.of() : List.copyOf(dispensings);
    }

    public boolean isEmpty() {
        return prescriptions.isEmpty() && dispensings.isEmpty();
    }

    /**
     * One registered prescription: who prescribed it, when (交付年月日), what.
     *
     * @param institutionName the prescriber's name, or {@code null}
     */
    public record Prescribed(String institutionCode, String institutionName, LocalDate issueDate,
            List<Medication> medications) {
        public Prescribed {
            Objects.requireNonNull(institutionCode, "institutionCode");
            Objects.requireNonNull(issueDate, "issueDate");
            medications = List.copyOf(medications);
        }
    }

    /**
     * One dispensing result: the pharmacy, the prescriber, 調剤年月日 and 処方年月日, what was dispensed.
     *
     * @param pharmacyName    or {@code null}
     * @param prescriberName  or {@code null}
     */
    public record Dispensed(String pharmacyCode, String pharmacyName, String prescriberCode, String prescriberName,
            LocalDate dispensingDate, LocalDate prescriptionDate, List<DispensedMedication> medications) {
        public Dispensed {
            Objects.requireNonNull(pharmacyCode, "pharmacyCode");
            Objects.requireNonNull(prescriberCode, "prescriberCode");
            Objects.requireNonNull(dispensingDate, "dispensingDate");
            medications = List.copyOf(medications);
        }
    }
}
