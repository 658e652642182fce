package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request whose last bytes prove it complete (closing {@code </XmlMsg>}) is taken at once; an unfinished one
 * still waits for the stability period. The stability period here is long (5 s) so neither case can pass by
 * accident of timing.
 */
class CompleteRequestFastPathTest {

    private static final Duration LONG_STABILITY = Duration.ofSeconds(5);

    @TempDir
    Path root;

    @Test
    void aCompleteRequestIsTakenWithoutTheStabilityWait() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings().withStableFor(LONG_STABILITY), processor)) {
            agent.start();
            LinkageTestSupport.drop(folders.req(), "OQSsiquc01req_fast.xml", "<XmlMsg><MessageHeader/></XmlMsg>\r\n");

            LinkageTestSupport.awaitCondition("the result", () -> Files.exists(folders.res().resolve("OQSsiquc01res_fast.xml")));
            assertThat(processor.requests()).hasSize(1);
        }
    }

    @Test
    void anUnfinishedRequestWaitsForTheStabilityPeriod() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings().withStableFor(LONG_STABILITY), processor)) {
            agent.start();
            try (OutputStream out = Files.newOutputStream(folders.req().resolve("OQSsiquc01req_slow.xml"))) {
                out.write("<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(1000);
                assertThat(processor.requests()).as("taken while still being written").isEmpty();
                out.write("</MessageHeader></XmlMsg>".getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
