package org.openoqs.server.clins;

/** Canonical URLs and systems of JP-CLINS 1.5.x that the registration rules check (../shared/spec/CIP-PMH.md §1.3). */
final class ClinsCanonical {

    static final String BUNDLE_PROFILE = "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS";
    static final String RESOURCE_TYPE_TAG = "http://jpfhir.jp/fhir/clins/CodeSystem/BundleResourceType_CS";
    static final String INDICATION_TAG = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";
    static final String INSTITUTION_NUMBER_EXTENSION =
            "http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber";
    static final String INSTITUTION_NUMBER_SYSTEM = "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
    static final String DEPARTMENT_EXTENSION = "http://jpfhir.jp/fhir/eCS/Extension/StructureDefinition/JP_eCS_Department";
    static final String ENCOUNTER_PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_Encounter";
    static final String RESOURCE_IDENTIFIER = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier";
    static final String MEDIS_DISEASE_KEY = "http://medis.or.jp/CodeSystem/master-disease-keyNumber";
    /** The CLINS infection code system: its codings make an Observation 感染症 rather than 検査. */
    static final String INFECTION_CODES = "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_InfectionLabo_CS";
    static final String INFECTION_CODES_JLAC11 = "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC11/JP_CLINS_ObsLabResult_InfectionLabo_CS";

    static final String LONG_TERM = "LTS";
    static final String UNINFORMED = "UNINFORMED";
    static final String UNDELIVERED = "UNDELIVERED";

    private ClinsCanonical() {
    }

    /** A canonical reference equals {@code url}, with or without a {@code |version} suffix. */
    static boolean names(String canonical, String url) {
        return canonical != null && (canonical.equals(url) || canonical.startsWith(url + "|"));
    }
}
