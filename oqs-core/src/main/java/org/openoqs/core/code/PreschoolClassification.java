package org.openoqs.core.code;

/** OQSCD015: 未就学区分. */
@TableId("OQSCD015")
public enum PreschoolClassification implements CodeTable {
    PRESCHOOL("1", "未就学該当");

    private final String code;
    private final String label;

    PreschoolClassification(String code, String label) {
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
