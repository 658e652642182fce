package org.openoqs.server.clins.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Every document of the corpus (oqs-examples clins-documents/index.csv) through the real terminal API in index
 * order, sent by the demo clinic to the hospital 0113820013: each valid one is registered (or, for {@code changed},
 * changed), each broken one is refused with an OperationOutcome naming its expected code at its expected FHIRPath, and
 * the clinic's documents are unchanged by every refusal.
 */
class DocumentCorpusApiTest {

    static final String HOSPITAL = "0113820013";
    private static final SharedServer SHARED = SharedServer.get();

    @BeforeAll
    static void theDestinationUsesTheService() {
        DocumentFacilities.usingTheService(SHARED, HOSPITAL, "オープン総合病院（デモ）");
    }

    @Test
    void everyCorpusDocumentGetsItsExpectedAnswer() throws Exception {
        List<ExampleCorpus.Example> corpus = ExampleCorpus.dir(DocumentCorpus.DIR);
        for (ExampleCorpus.Example e : corpus) {
            String before = DocumentHttp.get(SHARED.demoClient(), SHARED.base(), DocumentHttp.DOCUMENTS).body();
            switch (e.expected()) {
                case "registered" -> {
                    Api.Response r = DocumentHttp.register(SHARED.demoClient(), SHARED.base(), e.bytes(), false);
                    assertThat(r.status()).as(e + " " + r.body()).isEqualTo(201);
                    assertThat(r.body()).contains("\"outcome\":\"registered\"");
                }
                case "changed" -> {
                    String identifier = DocumentCorpus.identifier(e.file());
                    Api.Response r = DocumentHttp.change(SHARED.demoClient(), SHARED.base(), identifier, e.bytes());
                    assertThat(r.status()).as(e + " " + r.body()).isEqualTo(200);
                    assertThat(r.body()).contains("\"outcome\":\"changed\"").contains("\"version\":\"2\"");
                }
                default -> {
                    Api.Response r = DocumentHttp.register(SHARED.demoClient(), SHARED.base(), e.bytes(), false);
                    assertThat(r.status()).as(e + " " + r.body()).isIn(400, 422);
                    assertThat(r.contentType()).startsWith("application/fhir+json");
                    assertThat(DocumentHttp.issues(r)).as(e + " " + r.body()).contains(e.expected());
                    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(DocumentHttp.get(SHARED.demoClient(), SHARED.base(), DocumentHttp.DOCUMENTS).body())
                            .as("stored after " + e).isEqualTo(before);
                }
            }
        }
        assertThat(SHARED.server().bean(FacilityService.class).find("1319990016")).isEmpty();
    }
}
