package org.openoqs.core.code;

/** OQSCD021 {@code StatusOfSocialInsurance}: 社会保険の有無. */
@TableId("OQSCD021")
public enum StatusOfSocialInsurance implements CodeTable {
    PRESENT("01", "あり"),
    ABSENT("02", "なし");

    private final String code;
    private final String label;

    StatusOfSocialInsurance(String code, String label) {
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
