package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IOException while publishing the result keeps the request and retries; it is answered once writable. */
class ResultWriteFailureTest {

    private static final String REQUEST = "OQSsiquc01req_202504010007.xml";
    private static final String RESULT = "OQSsiquc01res_202504010007.xml";

    @TempDir
    Path root;

    @Test
    void keepsTheRequestWhileTheResultCannotBeWritten() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            // A non-empty folder where the temporary result file must go: writing it fails like a disk error.
            Path blocker = folders.res().resolve(RequestNames.temporaryResultName(RESULT));
            Files.createDirectories(blocker);
            Files.writeString(blocker.resolve("keep"), "x");

            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("writing the result failed twice", () -> agent.status().failedAttempts() >= 2);
            assertThat(names(folders.processing())).containsExactly(REQUEST);
            assertThat(Files.exists(folders.res().resolve(RESULT))).isFalse();

            Files.delete(blocker.resolve("keep"));
            Files.deleteIfExists(blocker); // a retry may already have removed the emptied folder

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(names(folders.processing())).isEmpty();
            assertThat(agent.status().answered()).isEqualTo(1);
        }
    }
}
