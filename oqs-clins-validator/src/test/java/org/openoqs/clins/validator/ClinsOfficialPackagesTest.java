package org.openoqs.clins.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.clins.validator.OfficialPackages.Disagreement;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.clins.ClinsBundleCheck;
import org.openoqs.server.clins.ClinsFhir;

/**
 * The official second opinion (docs/clins.md "Official packages"): every valid Bundle of the CLINS corpus through
 * {@link OfficialProfiles} — what {@code oqs clins validate --ig} runs — with the unmodified JP-CLINS 1.5.2 and JP Core
 * 1.1.2 packages of ../shared/fhir/jami-clins-ad5ab68 ({@link OfficialPackages}). Every error the packages report
 * must be one of the documented disagreements below, and every documented disagreement must still occur, so the list
 * in docs/clins.md stays exact. Warnings (narrative, unknown MEDIS / JLAC / YJ code
 * systems: the terminology package is not in the snapshot) never fail. Without the package folder (a clone
 * without ../shared) this is the one test that skips.
 */
class ClinsOfficialPackagesTest {

    /** The documented disagreements (docs/clins.md lists the same, with the reasons). */
    static final List<Disagreement> DOCUMENTED = List.of(
            // the IG's notes: a Patient-only Bundle deletes what was registered under its identifier
            new Disagreement("condition-kokuho-delete.json",
                    "http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS#mustHaveOneMoreResources-with-designatedResourceType",
                    "Bundle", "Patient-only delete Bundle (R02143 wants one resource of the tagged type)"),
            // the IG's notes: 生活保護 patients carry JP_PublicPayer_memberID instead of JP_Insurance_memberID
            new Disagreement("condition-iryo-fujo-lts.json",
                    "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS#valid-system-insurance-patientIdentifier",
                    "Bundle.entry[0].resource", "生活保護 identifier (R1012 wants JP_Insurance_memberID)"),
            new Disagreement("condition-iryo-fujo-lts.json",
                    "http://jpfhir.jp/fhir/eCS/StructureDefinition/JP_Patient_eCS#valid-value-insurance-patientIdentifier",
                    "Bundle.entry[0].resource", "生活保護 identifier (R1013)"),
            new Disagreement("condition-iryo-fujo-lts.json", "Validation_VAL_Profile_NotSlice", "Bundle.entry[0]",
                    "生活保護 identifier: so the Patient matches no entry slice"),
            new Disagreement("condition-iryo-fujo-lts.json", "Validation_VAL_Profile_Minimum_SLICE", "Bundle",
                    "生活保護 identifier: so the required patient slice is missing"),
            // openoqs accepts UNINFORMED / UNDELIVERED on every 5情報 resource; 1.5.2 slices them on Condition only
            new Disagreement("other-allergy-shaho.json", "Validation_VAL_Profile_NotSlice",
                    "Bundle.entry[2].resource.meta.tag[0]", "UNINFORMED on an AllergyIntolerance"),
            new Disagreement("other-allergy-shaho.json", "Validation_VAL_Profile_NotSlice", "Bundle.entry[2]",
                    "UNINFORMED on an AllergyIntolerance: so the entry matches no slice"),
            new Disagreement("infection-kouki.json", "Validation_VAL_Profile_NotSlice",
                    "Bundle.entry[2].resource.meta.tag[0]", "UNDELIVERED on an Observation"),
            new Disagreement("infection-kouki.json", "Validation_VAL_Profile_NotSlice", "Bundle.entry[2]",
                    "UNDELIVERED on an Observation: so the entry matches no slice"));

    /**
     * The broken Bundles of the corpus the packages find no error in: refused by openoqs's rules alone (docs/clins.md
     * "The other direction"), because the packages cannot know the facility or the registry, check only the profiles
     * a resource claims, or allow what our rules do not.
     */
    static final Set<String> ONLY_OUR_RULES_REFUSE = Set.of(
            "not-a-bundle.json", // OQSF2002: a Patient is valid as a Patient
            "no-profile.json", // OQSF2012: without meta.profile only the base Bundle applies
            "identifier-other-facility.json", // OQSF2023: the certificate's facility
            "member-id-unknown.json", "member-id-ambiguous.json", // OQSF2034 / 2035: the registry
            "refuted-condition.json", // OQSF2046: refuted is in the package's value set
            "subject-elsewhere.json"); // OQSF2052: a reference by logical id is valid FHIR

    private static OfficialProfiles profiles;
    static Path packages;

    @BeforeAll
    static void officialPackages() throws Exception {
        packages = OfficialPackages.folder();
        profiles = OfficialPackages.load();
    }

    @Test
    void everyValidCorpusBundleMeetsTheOfficialProfilesExceptTheDocumentedDisagreements() {
        Set<String> found = new TreeSet<>();
        int warnings = 0;
        for (ExampleCorpus.Example e : ExampleCorpus.dir("clins")) {
            if (!"valid".equals(e.kind())) {
                continue;
            }
            for (OfficialProfiles.Finding m : profiles.validate(new String(e.bytes(), StandardCharsets.UTF_8))) {
                if (m.error()) {
                    found.add(e.file() + " " + m.messageId() + " @ " + m.location() + "  (" + m.message() + ")");
                } else {
                    warnings++;
                }
            }
        }
        OfficialPackages.assertOnlyTheDocumented(found, DOCUMENTED);
        assertThat(warnings).as("terminology and best-practice warnings are reported, not counted as errors").isPositive();
    }

    @Test
    void theBrokenBundlesThePackagesPassAreExactlyTheDocumentedOnes() {
        Set<String> passed = new TreeSet<>();
        for (ExampleCorpus.Example e : ExampleCorpus.dir("clins")) {
            if (!"broken".equals(e.kind())) {
                continue;
            }
            try {
                if (profiles.validate(new String(e.bytes(), StandardCharsets.UTF_8)).stream()
                        .noneMatch(OfficialProfiles.Finding::error)) {
                    passed.add(e.file());
                }
            } catch (RuntimeException notJson) { // not-json.json: HAPI cannot even parse it, a refusal too
                assertThat(e.expected()).startsWith("OQSF2001@");
            }
        }
        assertThat(passed).as("broken Bundles the packages pass (docs/clins.md lists them)")
                .containsExactlyInAnyOrderElementsOf(ONLY_OUR_RULES_REFUSE);
    }

    @Test
    void aVersionedEntryProfileIsAcceptedByOurRulesButFailsThePackagesInvariant() {
        String json = new String(ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals("condition-kokuho.json"))
                .findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8)
                .replace("/JP_Condition_eCS\"", "/JP_Condition_eCS|1\"");
        assertThat(json).contains("JP_Condition_eCS|1");

        ClinsBundleCheck.Result ours = new ClinsBundleCheck(new ClinsFhir()).check(json.getBytes(StandardCharsets.UTF_8),
                Optional.of(ExampleCorpus.DEMO_INSTITUTION_CODE));
        List<String> official = profiles.validate(json).stream().filter(OfficialProfiles.Finding::error)
                .map(OfficialProfiles.Finding::messageId).toList();

        assertThat(ours.problems()).isEmpty();
        assertThat(official).contains("http://jpfhir.jp/fhir/clins/StructureDefinition/JP_Bundle_CLINS#validEntryProfile-Condition");
    }

    @Test
    void theCommandGivesEachBundleItsVerdictAndExitsTwoOnErrors(@TempDir Path bundles) throws Exception {
        for (String file : List.of("condition-kokuho.json", "infection-kouki.json")) {
            Files.write(bundles.resolve(file), ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file))
                    .findFirst().orElseThrow().bytes());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = OfficialProfilesCommand.run(new String[] {"--ig", packages.toString(), bundles.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(OfficialProfilesCommand.ERRORS);
        assertThat(printed).contains("公式プロファイル: jp-eCSCLINS.r4#1.x.x-temp, jp-core.r4#1.1.2-url") // the names inside the two .tgz
                .contains("OK " + bundles.resolve("condition-kokuho.json"))
                .contains("NG " + bundles.resolve("infection-kouki.json"))
                .contains("  ERROR Bundle.entry[2].resource.meta.tag[0]: ").contains("[Validation_VAL_Profile_NotSlice]")
                .contains("  WARN ").contains("検証 2件、エラーあり 1件");
    }
}
