package org.openoqs.server.clins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * Every Bundle of the CLINS corpus (oqs-examples clins/index.csv) through the real terminal API in index order: each
 * valid one is accepted with its outcome, each broken one is refused with an OperationOutcome naming its expected
 * code at its expected FHIRPath, and the facility's stored registrations are unchanged by every refusal.
 */
class ClinsCorpusApiTest {

    private static final SharedServer SHARED = SharedServer.get();

    @Test
    void everyCorpusBundleGetsItsExpectedAnswer() throws Exception {
        List<ExampleCorpus.Example> corpus = ExampleCorpus.dir("clins");
        assertThat(corpus).hasSizeGreaterThan(25);
        for (ExampleCorpus.Example e : corpus) {
            String before = ClinsHttp.list(SHARED.demoClient(), SHARED.base());
            Api.Response r = ClinsHttp.register(SHARED.demoClient(), SHARED.base(), e.bytes());
            switch (e.expected()) {
                case "created" -> {
                    assertThat(r.status()).as(e + " " + r.body()).isIn(200, 201);
                    assertThat(r.body()).as(e.toString()).containsPattern("\"outcome\":\"(created|replaced)\"");
                }
                case "deleted" -> {
                    assertThat(r.status()).as(e + " " + r.body()).isEqualTo(200);
                    assertThat(r.body()).as(e.toString()).contains("\"outcome\":\"deleted\"");
                }
                default -> {
                    assertThat(r.status()).as(e + " " + r.body()).isIn(400, 422);
                    assertThat(r.contentType()).startsWith("application/fhir+json");
                    assertThat(ClinsHttp.issues(r)).as(e + " " + r.body()).contains(e.expected());
                    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
                    assertThat(ClinsHttp.list(SHARED.demoClient(), SHARED.base())).as("stored after " + e)
                            .isEqualTo(before);
                }
            }
        }
    }
}
