package org.openoqs.server.clins.document;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The three document kinds of 電子カルテ情報共有サービス that openoqs handles, with the canonical URLs, the LOINC type
 * code and the sections their Compositions require (../shared/spec/CIP-PMH.md §1.5; the cardinalities are those of the
 * JP-CLINS 1.5.2 package's StructureDefinitions, e.g. 322 入院時詳細 is 1..1 there).
 */
public enum DocumentKind {

    REFERRAL("診療情報提供書", "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eReferral", "57133-1",
            List.of(new Section("950", "紹介目的"), new Section("340", "傷病名・主訴"), new Section("360", "現病歴"))),
    DISCHARGE_SUMMARY("退院時サマリー", "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eDischargeSummary",
            "18842-5", List.of(new Section("322", "入院時詳細"), new Section("342", "入院時診断"),
            new Section("352", "主訴"), new Section("312", "入院理由"), new Section("362", "現病歴"),
            new Section("333", "入院中経過"), new Section("324", "退院時詳細"), new Section("344", "退院時診断"),
            new Section("444", "退院時投薬指示"), new Section("424", "退院時方針指示"))),
    CHECKUP("健康診断結果報告書", "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_eCheckupGeneral", "53576-5",
            List.of());

    /** A section of the JAMI document-section code system (numeric codes, not LOINC). */
    public record Section(String code, String title) {
    }

    public static final String TYPE_SYSTEM = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";
    public static final String CATEGORY_SYSTEM = "http://jpfhir.jp/fhir/Common/CodeSystem/doc-subtypecodes";
    /** 健診: 報告区分 (category) and its own section codes. */
    public static final String CHECKUP_CATEGORY_SYSTEM = "urn:oid:2.16.840.1.113883.2.2.1.6.1001";
    public static final String CHECKUP_SECTION_SYSTEM = "http://jpfhir.jp/fhir/eCheckup/CodeSystem/section-code";
    public static final String SECTION_SYSTEM = "http://jpfhir.jp/fhir/clins/CodeSystem/document-section";
    public static final Set<String> REFERRAL_CATEGORIES =
            Set.of("ADMISSION", "SECONDOP", "EXAMIN", "CONSULT", "DISCHARGE", "INPATIENT", "OUTPATIENT");

    static final String FROM = "920";
    static final String TO = "910";
    static final String CDA = "200";
    static final String STRUCTURED = "300";
    static final String ATTACHMENT = "210";
    static final String REMARKS = "220";
    static final String PDF = "230";

    private final String label;
    private final String bundleProfile;
    private final String typeCode;
    private final List<Section> requiredInStructured;

    DocumentKind(String label, String bundleProfile, String typeCode, List<Section> requiredInStructured) {
        this.label = label;
        this.bundleProfile = bundleProfile;
        this.typeCode = typeCode;
        this.requiredInStructured = requiredInStructured;
    }

    /** Japanese name shown to users. */
    public String label() {
        return label;
    }

    public String bundleProfile() {
        return bundleProfile;
    }

    public String typeCode() {
        return typeCode;
    }

    /** The 1..1 sections inside 300 構造情報 (empty for the check-up report, whose sections are its own system). */
    public List<Section> requiredInStructured() {
        return requiredInStructured;
    }

    /** The kind whose Bundle profile the canonical names, with or without a {@code |version}. */
    public static Optional<DocumentKind> ofProfile(String canonical) {
        for (DocumentKind k : values()) {
            if (canonical != null && (canonical.equals(k.bundleProfile) || canonical.startsWith(k.bundleProfile + "|"))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
