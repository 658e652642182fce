package org.openoqs.core.medical;

/**
 * One drug of one dispensing (薬剤情報 {@code DrugInf}).
 *
 * @param drugCode       12-character code shaped like a 薬価基準収載医薬品コード (synthetic, see {@link DrugCatalog})
 * @param drugName       医薬品名 ({@code DrugN})
 * @param ingredientName 成分名 ({@code IngreN})
 * @param quantity       1日量 or 1回量 as dispensed ({@code Qua1})
 * @param unit           単位 ({@code Unit})
 * @param usage          用法 ({@code UsageN})
 * @param specialInstruction 特別指示 ({@code SpInst}), may be null
 * @param days           日数 or 回数 ({@code Times})
 * @param dosageForm     剤形区分 ({@code MeTrIdCl}): 1 内服, 2 頓服, 3 外用
 */
public record DispensedDrug(
        String drugCode,
        String drugName,
        String ingredientName,
        String quantity,
        String unit,
        String usage,
        String specialInstruction,
        int days,
        String dosageForm) {
}
