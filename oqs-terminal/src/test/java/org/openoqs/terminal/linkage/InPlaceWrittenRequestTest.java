package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A レセコン that writes straight into req (no rename) must not have its file taken half-written. */
class InPlaceWrittenRequestTest {

    private static final String REQUEST = "YZKsiquc01req_202504010002.xml";

    @TempDir
    Path root;

    @Test
    void aFileWrittenInTwoChunksIsTakenOnlyWhenComplete() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        // The pause between the chunks (100 ms) is well below stableFor, the margin absorbs a slow machine.
        LinkageSettings settings = fastSettings().withStableFor(Duration.ofMillis(600));
        try (LinkageAgent agent = new LinkageAgent(folders, settings, processor)) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            try (OutputStream out = Files.newOutputStream(folders.req().resolve(REQUEST))) {
                out.write("<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
                out.write("</MessageHeader></XmlMsg>".getBytes(StandardCharsets.UTF_8));
            }

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }
        assertThat(processor.requests()).singleElement().satisfies(request -> assertThat(
                new String(request.content(), StandardCharsets.UTF_8))
                .isEqualTo("<XmlMsg><MessageHeader></MessageHeader></XmlMsg>"));
    }
}
