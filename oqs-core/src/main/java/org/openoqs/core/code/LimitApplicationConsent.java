package org.openoqs.core.code;

/** OQSCD001: 限度額適用認定証関連情報の提供同意 ({@code LimitApplicationCertificateRelatedConsFlg}). */
@TableId("OQSCD001")
public enum LimitApplicationConsent implements CodeTable {
    NOT_CONSENTED("0", "未同意"),
    CONSENTED("1", "同意");

    private final String code;
    private final String label;

    LimitApplicationConsent(String code, String label) {
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
