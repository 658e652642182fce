package org.openoqs.core.medical;

import java.util.List;

/**
 * The drugs the synthetic drug histories are made of: real generic names, strengths, forms and typical usage, with
 * codes shaped like the 12-character 薬価基準収載医薬品コード. The first four characters are the real 薬効分類番号
 * of the drug's class; the rest ({@code S} + serial + form) is synthetic, so a code can never be mistaken for a
 * listed product's.
 */
final class DrugCatalog {

    /** A prescribable item and its usual regimen. {@code dosageForm}: 1 内服, 2 頓服, 3 外用. */
    record Drug(String code, String name, String ingredient, String quantity, String unit, String usage,
            String dosageForm) {
    }

    static final Drug AMLODIPINE = drug("2171", 1, "アムロジピン錠5mg", "アムロジピンベシル酸塩", "1", "錠", "1日1回朝食後", "1");
    static final Drug TELMISARTAN = drug("2149", 2, "テルミサルタン錠40mg", "テルミサルタン", "1", "錠", "1日1回朝食後", "1");
    static final Drug ROSUVASTATIN = drug("2189", 3, "ロスバスタチン錠2.5mg", "ロスバスタチンカルシウム", "1", "錠", "1日1回夕食後", "1");
    static final Drug ATORVASTATIN = drug("2189", 4, "アトルバスタチン錠10mg", "アトルバスタチンカルシウム水和物", "1", "錠", "1日1回夕食後", "1");
    static final Drug METFORMIN = drug("3962", 5, "メトホルミン塩酸塩錠250mg", "メトホルミン塩酸塩", "2", "錠", "1日2回朝夕食後", "1");
    static final Drug SITAGLIPTIN = drug("3969", 6, "シタグリプチン錠50mg", "シタグリプチンリン酸塩水和物", "1", "錠", "1日1回朝食後", "1");
    static final Drug FAMOTIDINE = drug("2325", 7, "ファモチジン錠20mg", "ファモチジン", "2", "錠", "1日2回朝食後・就寝前", "1");
    static final Drug REBAMIPIDE = drug("2329", 8, "レバミピド錠100mg", "レバミピド", "3", "錠", "1日3回毎食後", "1");
    static final Drug ZOLPIDEM = drug("1129", 9, "ゾルピデム酒石酸塩錠5mg", "ゾルピデム酒石酸塩", "1", "錠", "1日1回就寝前", "1");
    static final Drug FEXOFENADINE = drug("4490", 10, "フェキソフェナジン塩酸塩錠60mg", "フェキソフェナジン塩酸塩", "2", "錠", "1日2回朝夕食後", "1");
    static final Drug MONTELUKAST = drug("4490", 11, "モンテルカスト錠10mg", "モンテルカストナトリウム", "1", "錠", "1日1回就寝前", "1");
    static final Drug ACETAMINOPHEN = drug("1141", 12, "アセトアミノフェン錠200mg", "アセトアミノフェン", "2", "錠", "発熱時・疼痛時 1回2錠", "2");
    static final Drug CARBOCISTEINE = drug("2233", 13, "カルボシステイン錠500mg", "L-カルボシステイン", "3", "錠", "1日3回毎食後", "1");
    static final Drug AMOXICILLIN = drug("6131", 14, "アモキシシリンカプセル250mg", "アモキシシリン水和物", "3", "カプセル", "1日3回毎食後", "1");
    static final Drug LOXOPROFEN = drug("1149", 15, "ロキソプロフェンナトリウム錠60mg", "ロキソプロフェンナトリウム水和物", "3", "錠", "1日3回毎食後", "1");
    static final Drug LOXOPROFEN_TAPE = drug("2649", 16, "ロキソプロフェンナトリウムテープ100mg", "ロキソプロフェンナトリウム水和物", "14", "枚", "1日1回 患部に貼付", "3");
    static final Drug HEPARINOID = drug("3339", 17, "ヘパリン類似物質クリーム0.3%", "ヘパリン類似物質", "25", "g", "1日2回 患部に塗布", "3");
    static final Drug LANSOPRAZOLE = drug("2329", 18, "ランソプラゾールOD錠15mg", "ランソプラゾール", "1", "錠", "1日1回朝食後", "1");

    static final List<Drug> ALL = List.of(AMLODIPINE, TELMISARTAN, ROSUVASTATIN, ATORVASTATIN, METFORMIN, SITAGLIPTIN,
            FAMOTIDINE, REBAMIPIDE, ZOLPIDEM, FEXOFENADINE, MONTELUKAST, ACETAMINOPHEN, CARBOCISTEINE, AMOXICILLIN,
            LOXOPROFEN, LOXOPROFEN_TAPE, HEPARINOID, LANSOPRAZOLE);

    private DrugCatalog() {
    }

    private static Drug drug(String classification, int serial, String name, String ingredient, String quantity,
            String unit, String usage, String form) {
        String code = classification + "S" + String.format("%03d", serial) + "F1" + (serial % 10) + "1";
        return new Drug(code, name, ingredient, quantity, unit, usage, form);
    }
}
