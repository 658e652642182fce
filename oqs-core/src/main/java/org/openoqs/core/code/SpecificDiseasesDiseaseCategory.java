package org.openoqs.core.code;

/** OQSCD013: 特定疾病 区分. */
@TableId("OQSCD013")
public enum SpecificDiseasesDiseaseCategory implements CodeTable {
    CHRONIC_RENAL_FAILURE_DIALYSIS("1", "人工透析を必要とする慢性腎不全"),
    CONGENITAL_COAGULATION_DISORDER("2", "先天性血液凝固因子障害（第VIII因子障害又は第IX因子障害）"),
    HIV_FROM_COAGULATION_PRODUCTS("3", "血液凝固因子製剤の投与に起因するHIV感染症");

    private final String code;
    private final String label;

    SpecificDiseasesDiseaseCategory(String code, String label) {
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
