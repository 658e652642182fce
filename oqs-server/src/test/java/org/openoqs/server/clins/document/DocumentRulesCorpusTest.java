package org.openoqs.server.clins.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsProblem;

/**
 * The document rules alone (no server) on every document of the corpus (oqs-examples clins-documents/index.csv):
 * each valid one passes with its kind, destination and attachment, each broken one is refused with its expected
 * code at its expected FHIRPath — except the few whose problem only the service can see (the destination's registry
 * entry), which pass here.
 */
class DocumentRulesCorpusTest {

    /** Problems that need the facility registry: checked by DocumentRegistrationApiTest on the real server. */
    static final Set<String> NEEDS_THE_SERVICE = Set.of("OQSF5025", "OQSF5027");
    private static final ClinsFhir FHIR = new ClinsFhir();

    @Test
    void everyCorpusDocumentGetsItsExpectedVerdict() {
        List<ExampleCorpus.Example> corpus = ExampleCorpus.dir(DocumentCorpus.DIR);
        assertThat(corpus).hasSizeGreaterThan(20);
        for (ExampleCorpus.Example e : corpus) {
            DocumentRules.Verdict verdict = DocumentRules.check(FHIR.parseBundle(new String(e.bytes(), StandardCharsets.UTF_8)),
                    ExampleCorpus.DEMO_INSTITUTION_CODE);
            List<String> found = verdict.problems().stream().map(p -> p.code().code() + "@" + p.location()).toList();
            if (e.kind().equals("valid") || NEEDS_THE_SERVICE.contains(e.expected().split("@")[0])) {
                assertThat(found).as(e.toString()).isEmpty();
            } else {
                assertThat(found).as(e.toString()).contains(e.expected());
                assertThat(verdict.problems()).extracting(ClinsProblem::message).allSatisfy(m -> assertThat(m)
                        .as("a Japanese message").containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]"));
            }
        }
    }

    @Test
    void theReferralCarriesItsDestinationAndItsDischargeSummary() {
        DocumentUpload referral = DocumentRules.check(FHIR.parseBundle(DocumentCorpus.text("referral-with-discharge-summary.json")),
                ExampleCorpus.DEMO_INSTITUTION_CODE).upload();
        assertThat(referral.kind()).isEqualTo(DocumentKind.REFERRAL);
        assertThat(referral.destinationCode()).isEqualTo("0113820013");
        assertThat(referral.dischargeSummary()).isTrue();
        assertThat(referral.attachments()).isEqualTo(1);
        assertThat(referral.memberIdText()).isEqualTo("00199935:07:100234:00");
        assertThat(referral.identifier().value()).isEqualTo("0113810014^2026^ref-suzuki");

        DocumentUpload checkup = DocumentRules.check(FHIR.parseBundle(DocumentCorpus.text("checkup-general.json")),
                ExampleCorpus.DEMO_INSTITUTION_CODE).upload();
        assertThat(checkup.kind()).isEqualTo(DocumentKind.CHECKUP);
        assertThat(checkup.destinationCode()).isNull();
    }

    @Test
    void anotherFacilitysIdentifierIsRefused() {
        DocumentRules.Verdict verdict = DocumentRules.check(FHIR.parseBundle(DocumentCorpus.text("referral-only.json")),
                "0113820013");
        assertThat(verdict.problems()).extracting(p -> p.code().code() + "@" + p.location())
                .containsExactly("OQSF2023@Bundle.identifier.value");
    }

    @Test
    void aMalformedPatientKeyInAReferralWithItsDischargeSummaryIsReportedForBoth() {
        String json = DocumentCorpus.text("referral-with-discharge-summary.json")
                .replace("00199935:07:100234:00", "00199935:07:100234");
        DocumentRules.Verdict verdict = DocumentRules.check(FHIR.parseBundle(json), ExampleCorpus.DEMO_INSTITUTION_CODE);
        assertThat(verdict.problems()).extracting(p -> p.code().code() + "@" + p.location()).containsExactlyInAnyOrder(
                "OQSF2033@Bundle.entry[1].resource.identifier[1].value",
                "OQSF2033@Bundle.entry[7].resource.entry[1].resource.identifier[1].value");
    }
}
