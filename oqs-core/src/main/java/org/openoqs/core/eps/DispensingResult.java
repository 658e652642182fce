package org.openoqs.core.eps;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the pharmacy dispensed (調剤結果), registered once per prescription and shown to the prescribing facility.
 *
 * @param dispensingDate 調剤年月日
 * @param pharmacistName 調剤した薬剤師
 * @param medications    at least one drug
 * @param message        伝達事項 for the prescriber (e.g. a 疑義照会 note), or {@code null}; {@code MessageFlg} is 2
 *                       when present
 */
public record DispensingResult(LocalDate dispensingDate, String pharmacistName, List<DispensedMedication> medications,
        String message) {

    public DispensingResult {
        Objects.requireNonNull(dispensingDate, "dispensingDate");
        Objects.requireNonNull(pharmacistName, "pharmacistName");
        medications = List.copyOf(medications);
        if (medications.isEmpty()) {
            throw new IllegalArgumentException("a dispensing result needs at least one medication");
        }
    }

    /** {@code MessageFlg}: 1 伝達事項なし, 2 伝達事項あり. */
    public String messageFlag() {
        return message == null || message.isBlank() ? "1" : "2";
    }
}
