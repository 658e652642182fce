package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.linkage.LinkageFolders;

/**
 * Issue 19 item 10: a request name with a backslash used to be taken, fail to get a result name, and be retried
 * forever — also after every restart, since the claimed copy stayed in {@code work/processing}. It is now answered
 * once with OQSF1303 under a safe name ({@code \} → {@code _}), journaled as done, and never taken again.
 */
class PoisonRequestNameTest {

    private static final String POISON = "OQSsiquc01req_a\\b.xml";
    private static final String SAFE_RESULT = "OQSsiquc01res_a_b.xml";

    @TempDir
    Path root;

    @Test
    void aBackslashNameIsAnsweredOnceAndNotRetriedAfterARestart() throws Exception {
        byte[] request = ExampleCorpus.valid().get(0).bytes();
        try (TerminalHarness harness = new TerminalHarness(root)) {
            harness.drop(POISON, request);

            var result = harness.awaitParsed(SAFE_RESULT);

            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(ErrorCode.INVALID_FILE_NAME.code());
            assertThat(result.header().arbitraryFileIdentifier()).isNotBlank(); // echoed: the レセコン correlates it
            assertThat(harness.terminal.linkageAgent().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(harness.terminal.linkageAgent().status().failedAttempts()).isZero();
        }
        LinkageFolders folders = LinkageFolders.under(root);
        assertThat(Files.readAllLines(folders.journal()))
                .anyMatch(line -> line.contains(POISON) && line.contains(SAFE_RESULT));
        assertThat(names(folders.processing())).isEmpty();
        assertThat(names(folders.req())).isEmpty();
        Files.delete(root.resolve("res").resolve(SAFE_RESULT)); // the レセコン collected it

        try (TerminalHarness restarted = new TerminalHarness(root)) {
            assertThat(restarted.terminal.linkageAgent().awaitIdle(Duration.ofSeconds(10))).isTrue();
            Thread.sleep(300); // a few rescans
            assertThat(names(folders.res())).isEmpty();
            assertThat(restarted.terminal.linkageAgent().status().answered()).isZero();
            assertThat(restarted.terminal.linkageAgent().status().failedAttempts()).isZero();
        }
    }

    @Test
    void aPoisonLeftClaimedByAnOlderVersionIsAnsweredAtStart() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        Files.createDirectories(folders.processing());
        // what an earlier version left behind: claimed, never answered, retried on every start
        Files.write(folders.processing().resolve(POISON), ExampleCorpus.valid().get(0).bytes());

        try (TerminalHarness harness = new TerminalHarness(root)) {
            var result = harness.awaitParsed(SAFE_RESULT);
            assertThat(result.header().errorCode()).isEqualTo(ErrorCode.INVALID_FILE_NAME.code());
            assertThat(harness.terminal.linkageAgent().awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(names(folders.processing())).isEmpty();
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
