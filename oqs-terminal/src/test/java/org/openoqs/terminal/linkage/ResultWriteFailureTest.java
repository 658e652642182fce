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
            // The result folder replaced by a plain file (an unmounted share, a disk error): writing fails.
            Files.delete(folders.res());
            Files.writeString(folders.res(), "not a folder");

            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("writing the result failed twice", () -> agent.status().failedAttempts() >= 2);
            assertThat(names(folders.processing())).containsExactly(REQUEST);
            assertThat(Files.exists(folders.res().resolve(RESULT))).isFalse();

            Files.delete(folders.res());
            Files.createDirectory(folders.res());

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(names(folders.processing())).isEmpty();
            assertThat(agent.status().answered()).isEqualTo(1);
        }
    }
}
