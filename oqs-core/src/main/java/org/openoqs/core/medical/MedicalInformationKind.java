package org.openoqs.core.medical;

import java.util.Optional;
import java.util.Set;
import org.openoqs.core.consent.ConsentCategory;

/**
 * The two medical-information requests of the file interface (INTERFACE.md §4.7) and their file categories.
 * 薬剤情報 ({@code YZKsiquc01}): 1 PDF, 2 XML (薬剤情報), 3 PDF, 4 XML (薬剤＋診療情報). 特定健診 ({@code TKKsiquc01}): 1 PDF,
 * 2 XML. 電子カルテ情報 ({@code CIPsiquc01}): 2 XML only.
 */
public enum MedicalInformationKind {
    DRUG("YZKsiquc01", "薬剤情報", ConsentCategory.DRUG, Set.of("1", "2", "3", "4")),
    HEALTH_CHECKUP("TKKsiquc01", "特定健診情報", ConsentCategory.CHECKUP, Set.of("1", "2")),
    /**
     * 電子カルテ情報共有サービスの6情報 ({@code CIPsiquc01}, docs/clins.md): the keys and months of 薬剤情報, file
     * category 2 only (an XML envelope carrying FHIR JSON; the PDF rendition is not built).
     */
    CLINICAL("CIPsiquc01", "電子カルテ情報", ConsentCategory.CLINS, Set.of("2"));

    private final String prefix;
    private final String label;
    private final ConsentCategory consent;
    private final Set<String> fileCategories;

    MedicalInformationKind(String prefix, String label, ConsentCategory consent, Set<String> fileCategories) {
        this.prefix = prefix;
        this.label = label;
        this.consent = consent;
        this.fileCategories = fileCategories;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The consent without which the information is refused. */
    public ConsentCategory consent() {
        return consent;
    }

    /** The months one request may span; 特定健診 names no months and is given the drug window for completeness. */
    public DrugHistoryPeriod.Window monthWindow() {
        return this == CLINICAL ? DrugHistoryPeriod.Window.CLINICAL : DrugHistoryPeriod.Window.DRUG_HISTORY;
    }

    public boolean acceptsFileCategory(String category) {
        return fileCategories.contains(category);
    }

    /** File categories 1 and 3 ask for a PDF. */
    public static boolean isPdf(String fileCategory) {
        return "1".equals(fileCategory) || "3".equals(fileCategory);
    }

    /** 薬剤＋診療情報 (categories 3 and 4 of 薬剤情報) also needs the 診療情報 consent. */
    public boolean includesDiagnosis(String fileCategory) {
        return this == DRUG && ("3".equals(fileCategory) || "4".equals(fileCategory));
    }

    public static Optional<MedicalInformationKind> ofPrefix(String prefix) {
        for (MedicalInformationKind k : values()) {
            if (k.prefix.equals(prefix)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
