package org.openoqs.core.code;

/** OQSCD025 {@code StatusOfPrefecturalExpenses}: 県費の有無. */
@TableId("OQSCD025")
public enum StatusOfPrefecturalExpenses implements CodeTable {
    PRESENT("01", "あり"),
    ABSENT("02", "なし");

    private final String code;
    private final String label;

    StatusOfPrefecturalExpenses(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }
}
