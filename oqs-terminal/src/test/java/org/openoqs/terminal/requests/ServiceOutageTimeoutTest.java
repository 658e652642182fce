package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * A request the service cannot answer within the outage timeout is answered with OQSF9001, echoing its header —
 * not before the timeout, and only after the agent retried.
 */
class ServiceOutageTimeoutTest {

    private static final Duration OUTAGE_TIMEOUT = Duration.ofMillis(600);

    @TempDir
    java.nio.file.Path root;

    @Test
    void answersCentralServiceUnavailableOnceTheTimeoutHasPassed() throws Exception {
        byte[] request = ExampleCorpus.dir(ExampleCorpus.VALID).stream()
                .filter(e -> e.file().equals("kokuho.xml")).findFirst().orElseThrow().bytes();
        LinkageSettings settings = LinkageSettings.defaults()
                .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200))
                .withServiceOutageTimeout(OUTAGE_TIMEOUT);
        try (TerminalHarness harness = new TerminalHarness(root, settings)) {
            harness.central.setAvailable(false);
            long dropped = System.nanoTime();
            harness.drop("OQSsiquc01req_gave-up.xml", request);

            byte[] bytes = harness.awaitResult("OQSsiquc01res_gave-up.xml", Duration.ofSeconds(10));
            Duration waited = Duration.ofNanos(System.nanoTime() - dropped);

            QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
            assertThat(waited).isGreaterThanOrEqualTo(OUTAGE_TIMEOUT);
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.code());
            assertThat(result.header().errorMessage()).startsWith(ErrorCode.CENTRAL_SERVICE_UNAVAILABLE.message());
            assertThat(result.header().medicalInstitutionCode()).isEqualTo(ExampleCorpus.DEMO_INSTITUTION_CODE);
            assertThat(result.header().arbitraryFileIdentifier())
                    .isEqualTo(QualificationMessages.readRequestHeaderLeniently(request).arbitraryFileIdentifier());
            assertThat(harness.terminal.linkageAgent().status().failedAttempts()).isGreaterThanOrEqualTo(2);
        }
    }
}
