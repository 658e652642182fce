package org.openoqs.core.code;

/** OQSCD022 {@code ConsistencyFlag}: 整合性フラグ of a 医療券・調剤券 (set only when inconsistent). */
@TableId("OQSCD022")
public enum ConsistencyFlag implements CodeTable {
    INCONSISTENT("1", "不整合あり");

    private final String code;
    private final String label;

    ConsistencyFlag(String code, String label) {
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
