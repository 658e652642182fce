package org.openoqs.core.code;

/** OQSCD011: 限度額適用認定証区分. */
@TableId("OQSCD011")
public enum LimitApplicationCertificateClassification implements CodeTable {
    LIMIT("01", "限度額適用認定証"),
    LIMIT_AND_MEAL_REDUCTION("02", "限度額適用・標準負担額減額認定証"),
    MEAL_REDUCTION("03", "標準負担額減額認定証");

    private final String code;
    private final String label;

    LimitApplicationCertificateClassification(String code, String label) {
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
