package org.openoqs.core.code;

/** OQSCD023 {@code StatusOfInfecton} (sic): 感染症法第37条の2 の有無. */
@TableId("OQSCD023")
public enum StatusOfInfection implements CodeTable {
    PRESENT("01", "あり"),
    ABSENT("02", "なし");

    private final String code;
    private final String label;

    StatusOfInfection(String code, String label) {
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
