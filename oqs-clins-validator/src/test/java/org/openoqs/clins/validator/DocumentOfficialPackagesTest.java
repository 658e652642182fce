package org.openoqs.clins.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Composition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.clins.validator.OfficialPackages.Disagreement;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.clins.ClinsFhir;

/**
 * The official second opinion on the valid documents of the corpus (docs/clins.md "Documents: official packages"):
 * the 診療情報提供書 examples (and the 退院時サマリー inside) through HAPI's validator with the unmodified JP-CLINS 1.5.2
 * and JP Core 1.1.2 packages ({@link OfficialPackages}, through {@link OfficialProfiles} like ClinsOfficialPackagesTest).
 * Every error must be one of the documented disagreements below and every documented one
 * must still occur. The 健康診断結果報告書 is not checked: JP_Bundle_eCheckupGeneral is not in the 1.5.2 package.
 */
class DocumentOfficialPackagesTest {

    static final String COMPOSITION_PROFILE = "http://jpfhir.jp/fhir/eReferral/StructureDefinition/JP_Composition_eReferral";
    static final String DIR = "clins-documents";
    private static final ClinsFhir FHIR = new ClinsFhir();

    /** The documented disagreements (docs/clins.md lists the same, with the reasons). */
    static final List<Disagreement> DOCUMENTED = List.of(
            // validated alone (the referral Bundle profile cannot be snapshotted, below), the Composition's section
            // entry slices cannot resolve the referenced Organization, so the required slices count as missing
            new Disagreement("Composition", "Validation_VAL_Profile_Minimum_SLICE", "Composition.section[0]",
                    "920 紹介元情報: referralFromOrganization slice unresolvable without the Bundle"),
            new Disagreement("Composition", "Validation_VAL_Profile_Minimum_SLICE", "Composition.section[1]",
                    "910 紹介先情報: referralToOrganization slice unresolvable without the Bundle"),
            // the package's discharge-summary section ValueSet includes the REF and COMMON groups of document-section,
            // not DIS: every 退院時サマリー section code the StructureDefinition itself fixes is "not in the value set"
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[0].code.coding[0]", "section 322 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[1].code.coding[0]", "section 342 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[2].code.coding[0]", "section 352 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[3].code.coding[0]", "section 312 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[4].code.coding[0]", "section 362 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[5].code.coding[0]", "section 333 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[6].code.coding[0]", "section 324 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[7].code.coding[0]", "section 344 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[8].code.coding[0]", "section 444 outside the package's ValueSet"),
            new Disagreement("退院時サマリー", "Terminology_TX_NoValid_12",
                    "Bundle.entry[0].resource.section[0].section[9].code.coding[0]", "section 424 outside the package's ValueSet"),
            // 362 現病歴 is fixed by JP_Composition_eDischargeSummary but absent from the document-section CodeSystem
            new Disagreement("退院時サマリー", "Terminology_PassThrough_TX_Message",
                    "Bundle.entry[0].resource.section[0].section[4].code.coding[0]", "362 unknown to the CodeSystem"),
            new Disagreement("退院時サマリー", "Terminology_PassThrough_TX_Message",
                    "Bundle.entry[0].resource/*Composition/null*/.section[0].section[4].code", "362 unknown to the CodeSystem"),
            // …so the Composition matches no composition slice of JP_Bundle_eDischargeSummary
            new Disagreement("退院時サマリー", "Validation_VAL_Profile_Minimum_SLICE", "Bundle",
                    "the composition slice, a consequence of the section codes above"));

    private static OfficialProfiles profiles;

    @BeforeAll
    static void officialPackages() throws Exception {
        profiles = OfficialPackages.load();
    }

    @Test
    void everyValidReferralsCompositionAndDischargeSummaryMeetTheOfficialProfilesExceptTheDocumentedDisagreements() {
        Set<String> found = new TreeSet<>();
        int checked = 0;
        for (ExampleCorpus.Example e : ExampleCorpus.dir(DIR)) {
            if (!"valid".equals(e.kind()) || e.file().startsWith("checkup")) {
                continue;
            }
            Bundle referral = FHIR.parseBundle(new String(e.bytes(), StandardCharsets.UTF_8));
            Composition composition = (Composition) referral.getEntryFirstRep().getResource();
            record(found, "Composition", profiles.validate(composition, COMPOSITION_PROFILE));
            checked++;
            for (Bundle.BundleEntryComponent entry : referral.getEntry()) {
                if (entry.getResource() instanceof Bundle summary) {
                    record(found, "退院時サマリー", profiles.validate(FHIR.parser().encodeResourceToString(summary)));
                    checked++;
                }
            }
        }
        assertThat(checked).as("Compositions and attached 退院時サマリー validated").isGreaterThanOrEqualTo(4);
        OfficialPackages.assertOnlyTheDocumented(found, DOCUMENTED);
    }

    /**
     * The referral Bundle profile itself cannot be used: HAPI 8.8.1 fails to build the snapshot of the package's
     * JP_Bundle_eReferral (its entry slices re-slice {@code observation} midway). When a later package or HAPI can,
     * this fails, and the whole referral Bundle should join the comparison above.
     */
    @Test
    void theReferralBundleProfileCannotBeSnapshottedByThisValidator() {
        String referral = new String(ExampleCorpus.dir(DIR).stream().filter(e -> e.file().equals("referral-only.json"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> profiles.validate(referral))
                .hasMessageContaining("Slice encountered midway through set")
                .hasMessageContaining("JP_Bundle_eReferral");
    }

    private static void record(Set<String> found, String what, List<OfficialProfiles.Finding> findings) {
        for (OfficialProfiles.Finding m : findings) {
            if (m.error()) {
                found.add(what + " " + m.messageId() + " @ " + m.location() + "  (" + m.message() + ")");
            }
        }
    }
}
