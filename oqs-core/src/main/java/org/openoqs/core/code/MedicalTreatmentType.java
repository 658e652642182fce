package org.openoqs.core.code;

/** OQSCD019 {@code MedicalTreatmentType}: 診療別 of a 医療券・調剤券. */
@TableId("OQSCD019")
public enum MedicalTreatmentType implements CodeTable {
    INPATIENT("01", "入院"),
    OUTPATIENT("02", "入院外"),
    DENTAL("03", "歯科"),
    DISPENSING("04", "調剤"),
    HOME_NURSING("05", "訪問看護");

    private final String code;
    private final String label;

    MedicalTreatmentType(String code, String label) {
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
