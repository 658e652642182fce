package org.openoqs.core.code;

/** OQSCD014: 限度額情報変更有無. */
@TableId("OQSCD014")
public enum LimitApplicationCertificateChanged implements CodeTable {
    UNCHANGED("0", "変更なし"),
    CHANGED_OR_UNKNOWN("1", "変更あり又は判定不能");

    private final String code;
    private final String label;

    LimitApplicationCertificateChanged(String code, String label) {
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
