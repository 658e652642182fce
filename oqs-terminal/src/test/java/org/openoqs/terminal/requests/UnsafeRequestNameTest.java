package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.examples.ExampleCorpus;

/**
 * A request whose id holds characters Windows cannot put in a file name is answered — with an invalid-name error,
 * under the id with those characters replaced — instead of being retried forever.
 */
class UnsafeRequestNameTest {

    @TempDir
    Path root;

    @Test
    void aWindowsIllegalIdIsAnsweredUnderASafeName() throws Exception {
        try (TerminalHarness harness = new TerminalHarness(root)) {
            harness.drop("OQSsiquc01req_a*b?c.xml", ExampleCorpus.valid().get(0).bytes());

            var result = harness.awaitParsed("OQSsiquc01res_a_b_c.xml");

            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(ErrorCode.INVALID_FILE_NAME.code());
            assertThat(result.header().arbitraryFileIdentifier()).isNotBlank();
        }
    }
}
