package org.openoqs.core.eps;

import java.util.Objects;

/**
 * One drug as dispensed (調剤した薬剤).
 *
 * @param drugName 医薬品名 (may differ from the prescribed one after a generic substitution)
 * @param quantity 調剤数量 as written, e.g. {@code 21}
 * @param unit     e.g. {@code 錠}
 * @param days     日数 (or 回数)
 */
public record DispensedMedication(String drugName, String quantity, String unit, int days) {

    public DispensedMedication {
        Objects.requireNonNull(drugName, "drugName");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
    }
}
