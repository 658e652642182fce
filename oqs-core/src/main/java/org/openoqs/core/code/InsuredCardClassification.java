package org.openoqs.core.code;

/** OQSCD010: 被保険者証区分. Card-named values are kept for retroactive checks after the 2024-12 reform. */
@TableId("OQSCD010")
public enum InsuredCardClassification implements CodeTable {
    GENERAL("01", "被保険者証（一般）"),
    RETIRED("02", "被保険者証（退職）"),
    SHORT_TERM_GENERAL("03", "短期被保険者証（一般）"),
    SHORT_TERM_RETIRED("04", "短期被保険者証（退職）"),
    QUALIFICATION_CERTIFICATE("05", "被保険者資格証明書"),
    SPECIAL_RETIRED("06", "特例退職被保険者証"),
    SELF_DEFENSE_FORCES("07", "自衛官診療証"),
    MEDICAL_ASSISTANCE("A1", "医療扶助");

    private final String code;
    private final String label;

    InsuredCardClassification(String code, String label) {
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
