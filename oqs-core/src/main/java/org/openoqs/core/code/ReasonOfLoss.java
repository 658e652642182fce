package org.openoqs.core.code;

/** OQSCD008: 資格喪失事由. */
@TableId("OQSCD008")
public enum ReasonOfLoss implements CodeTable {
    DEATH("01", "死亡"),
    PUBLIC_ASSISTANCE_STARTED("02", "生活保護受給開始"),
    OTHER_INSURANCE_ACQUIRED("03", "医療保険等の資格取得"),
    OTHER("99", "その他");

    private final String code;
    private final String label;

    ReasonOfLoss(String code, String label) {
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
