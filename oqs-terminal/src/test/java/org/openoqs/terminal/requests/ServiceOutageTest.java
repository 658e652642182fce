package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.examples.ExampleCorpus;

/** While the central service is down, requests are kept (never answered with a guess) and answered on return. */
class ServiceOutageTest {

    @TempDir
    Path root;

    @Test
    void requestsWaitForTheServiceAndAreAnsweredOnceItReturns() throws Exception {
        byte[] request = ExampleCorpus.dir(ExampleCorpus.VALID).stream()
                .filter(e -> e.file().equals("kokuho.xml")).findFirst().orElseThrow().bytes();
        try (TerminalHarness harness = new TerminalHarness(root)) {
            harness.central.setAvailable(false);
            harness.drop("OQSsiquc01req_outage.xml", request);
            Thread.sleep(400); // several retry rounds at the test's 50–200 ms back-off
            assertThat(harness.res().resolve("OQSsiquc01res_outage.xml")).doesNotExist();

            harness.central.setAvailable(true);
            var result = harness.awaitParsed("OQSsiquc01res_outage.xml");

            assertThat(result.body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
            try (var files = Files.list(harness.res())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("OQSsiquc01res_outage.xml");
            }
            assertThat(harness.terminal.linkageAgent().status().failedAttempts()).isPositive();
        }
    }
}
