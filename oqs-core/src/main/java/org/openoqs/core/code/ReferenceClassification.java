package org.openoqs.core.code;

/** OQSCD002: 照会区分: how the patient was identified. */
@TableId("OQSCD002")
public enum ReferenceClassification implements CodeTable {
    MY_NUMBER_CARD("1", "マイナンバーカード"),
    INSURANCE_CARD_NUMBERS("2", "被保険者証情報");

    private final String code;
    private final String label;

    ReferenceClassification(String code, String label) {
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
