package org.openoqs.core.code;

/** OQSCD003: 処理結果区分: the file-level outcome. */
@TableId("OQSCD003")
public enum SegmentOfResult implements CodeTable {
    COMPLETED("1", "正常終了"),
    PROCESSING("2", "処理中"),
    FAILED("9", "異常終了");

    private final String code;
    private final String label;

    SegmentOfResult(String code, String label) {
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
