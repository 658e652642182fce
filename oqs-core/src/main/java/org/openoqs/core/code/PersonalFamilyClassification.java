package org.openoqs.core.code;

/** OQSCD009: 本人・家族の別. */
@TableId("OQSCD009")
public enum PersonalFamilyClassification implements CodeTable {
    INSURED_PERSON("1", "本人"),
    FAMILY("2", "家族");

    private final String code;
    private final String label;

    PersonalFamilyClassification(String code, String label) {
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
