package org.openoqs.core.code;

/** OQSCD016: 閲覧同意 ({@code …ConsFlg} of 特定疾病, 特定健診, 薬剤, 診療, 手術 and later additions). */
@TableId("OQSCD016")
public enum ConsentStatus implements CodeTable {
    NOT_CONSENTED("0", "同意なし"),
    CONSENTED("1", "同意あり"),
    EXPIRED("2", "同意有効期限切れ"),
    DIFFICULT_TO_OBTAIN("3", "同意取得困難");

    private final String code;
    private final String label;

    ConsentStatus(String code, String label) {
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
