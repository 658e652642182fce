package org.openoqs.core.eps;

import java.util.Objects;

/**
 * One prescribed drug (処方薬).
 *
 * @param drugCode 医薬品コード (YJ or レセプト電算 code) or {@code null}
 * @param drugName 医薬品名
 * @param dose     1日量 or 1回量 as written, e.g. {@code 3}
 * @param doseUnit e.g. {@code 錠}
 * @param usage    用法, e.g. {@code 1日3回毎食後}
 * @param days     日数 (or 回数 for 頓服)
 */
public record Medication(String drugCode, String drugName, String dose, String doseUnit, String usage, int days) {

    public Medication {
        Objects.requireNonNull(drugName, "drugName");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(doseUnit, "doseUnit");
        Objects.requireNonNull(usage, "usage");
    }
}
