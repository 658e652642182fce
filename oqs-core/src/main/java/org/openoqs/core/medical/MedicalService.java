package org.openoqs.core.medical;

/**
 * One 診療行為 of a claim month (診療情報 {@code MeTrInf}), included when a facility asks for 薬剤＋診療情報.
 *
 * @param code  9-digit code shaped like a 診療行為コード (synthetic)
 * @param name  名称 ({@code SinInfN})
 * @param times 回数 ({@code Times})
 */
record MedicalService(String code, String name, int times) {
}
