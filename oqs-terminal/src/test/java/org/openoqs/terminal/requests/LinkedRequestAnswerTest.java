package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.linkage.LinkageFolders;

/**
 * Issue 19 item 2: a symbolic link that reaches the claim (here: left in {@code work/processing}, as after a swap
 * between the scanner's check and the claim) is answered by the real terminal with OQSF1500 and never followed.
 */
class LinkedRequestAnswerTest {

    private static final String REQUEST = "OQSsiquc01req_202504019005.xml";

    @TempDir
    Path root;

    @Test
    void aClaimedLinkGetsTheNotARegularFileError() throws Exception {
        Path secret = Files.createDirectories(root.resolve("home")).resolve("secret.xml");
        Files.writeString(secret, "<XmlMsg><MessageHeader><ArbitraryFileIdentifier>LEAKED</ArbitraryFileIdentifier>"
                + "</MessageHeader></XmlMsg>");
        Path oqs = root.resolve("oqs");
        LinkageFolders folders = LinkageFolders.under(oqs);
        Files.createDirectories(folders.processing());
        Files.createSymbolicLink(folders.processing().resolve(REQUEST), secret);

        try (TerminalHarness harness = new TerminalHarness(oqs)) {
            byte[] bytes = harness.awaitResult("OQSsiquc01res_202504019005.xml", Duration.ofSeconds(10));
            var result = QualificationMessages.parseResult(bytes);
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(ErrorCode.REQUEST_NOT_A_REGULAR_FILE.code());
            assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("LEAKED");
            assertThat(harness.terminal.linkageAgent().awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(Files.exists(secret)).isTrue();
        assertThat(Files.list(folders.processing()).count()).isZero();
    }
}
