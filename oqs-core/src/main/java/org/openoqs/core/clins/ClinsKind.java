package org.openoqs.core.clins;

/**
 * The 5情報 as openoqs files them: the Bundle's resource type decides the family, the content the item
 * (../shared/spec/CIP-PMH.md §1.2): AllergyIntolerance.category medication → 薬剤アレルギー等, else その他アレルギー等;
 * an Observation coded in the CLINS infection code system → 感染症, else 検査.
 */
public enum ClinsKind {
    CONDITION("傷病名"),
    DRUG_ALLERGY("薬剤アレルギー等"),
    OTHER_ALLERGY("その他アレルギー等"),
    INFECTION("感染症"),
    LAB("検査");

    private final String label;

    ClinsKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
