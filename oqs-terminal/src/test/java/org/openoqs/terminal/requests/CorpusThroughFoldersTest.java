package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;

/**
 * Every file of the shared corpus, dropped into a real {@code req} folder, gets the answer the corpus states:
 * the persona's validity, a parsed edge case, or the exact error code at the right level.
 */
class CorpusThroughFoldersTest {

    @TempDir
    static Path root;
    static TerminalHarness harness;

    @BeforeAll
    static void start() throws Exception {
        harness = new TerminalHarness(root);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    static List<Example> validAndEdge() {
        List<Example> all = new java.util.ArrayList<>(ExampleCorpus.valid());
        all.addAll(ExampleCorpus.edge());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validAndEdge")
    void acceptedFilesAreAnswered(Example example) throws Exception {
        String id = example.dir() + "-" + example.file().replace(".xml", "");
        harness.drop("OQSsiquc01req_" + id + ".xml", example.bytes());

        QualificationInquiryResult result = harness.awaitParsed("OQSsiquc01res_" + id + ".xml");

        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
        example.expectedValidity().ifPresent(validity ->
                assertThat(result.body().qualificationValidity().code()).isEqualTo(validity));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openoqs.examples.ExampleCorpus#invalid")
    void invalidFilesGetTheirErrorCode(Example example) throws Exception {
        String id = "invalid-" + example.file().replaceAll("\\.[a-z]+$", "");
        harness.drop("OQSsiquc01req_" + id + ".xml", example.bytes());

        QualificationInquiryResult result = harness.awaitParsed("OQSsiquc01res_" + id + ".xml");

        if (example.expectsFileLevelError()) {
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(example.expected());
            assertThat(result.header().errorMessage()).isNotBlank();
        } else {
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
            assertThat(result.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
            assertThat(result.body().processingResultCode()).isEqualTo(example.expected());
        }
    }
}
