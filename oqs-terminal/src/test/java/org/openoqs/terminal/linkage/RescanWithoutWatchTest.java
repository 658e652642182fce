package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no watch events at all (watchFolder off, as if every event were lost), the scans still find every file. */
class RescanWithoutWatchTest {

    @TempDir
    Path root;

    @Test
    void thePeriodicRescanFindsAFileNoEventReported() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        LinkageSettings noWatch = fastSettings().withWatchFolder(false).withRescanInterval(Duration.ofMillis(100));
        try (LinkageAgent agent = new LinkageAgent(folders, noWatch, new RecordingProcessor())) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue(); // the start scan is over before the file arrives

            drop(folders.req(), "TKKsiquc01req_202504010003.xml", "<XmlMsg/>");

            // Polling the folder, not awaitIdle (which scans by itself): only the periodic rescan can find it.
            awaitCondition("the rescan answers the request",
                    () -> Files.exists(folders.res().resolve("TKKsiquc01res_202504010003.xml")));
        }
    }

    @Test
    void theStartScanFindsFilesDroppedWhileTheAgentWasDown() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        Files.createDirectories(folders.req());
        drop(folders.req(), "OQSsiquc01req_202504010004.xml", "<XmlMsg/>");
        LinkageSettings noWatchNoRescan = fastSettings().withWatchFolder(false).withRescanInterval(Duration.ofHours(1));
        try (LinkageAgent agent = new LinkageAgent(folders, noWatchNoRescan, new RecordingProcessor())) {
            agent.start();
            awaitCondition("the start scan answers the request",
                    () -> Files.exists(folders.res().resolve("OQSsiquc01res_202504010004.xml")));
        }
    }
}
