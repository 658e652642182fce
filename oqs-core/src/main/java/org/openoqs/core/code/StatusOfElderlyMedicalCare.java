package org.openoqs.core.code;

/** OQSCD024 {@code StatusOfElderlyMedicalCare}: 後期高齢者医療の有無. */
@TableId("OQSCD024")
public enum StatusOfElderlyMedicalCare implements CodeTable {
    PRESENT("01", "あり"),
    ABSENT("02", "なし");

    private final String code;
    private final String label;

    StatusOfElderlyMedicalCare(String code, String label) {
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
