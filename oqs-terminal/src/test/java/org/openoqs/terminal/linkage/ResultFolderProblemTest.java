package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing result write is reported as a problem of the res folder until a result is published again. */
class ResultFolderProblemTest {

    private static final String REQUEST = "OQSsiquc01req_202504010022.xml";
    private static final String RESULT = "OQSsiquc01res_202504010022.xml";

    @TempDir
    Path root;

    @Test
    void reportsTheProblemWhileItLastsAndClearsItOnTheNextPublication() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), new RecordingProcessor())) {
            agent.start();
            assertThat(agent.resultFolderProblem()).isEmpty();
            // The result folder replaced by a plain file (an unmounted share, a disk error): writing fails.
            Files.delete(folders.res());
            Files.writeString(folders.res(), "not a folder");

            drop(folders.req(), REQUEST, "<XmlMsg/>");
            awaitCondition("the write failed", () -> agent.resultFolderProblem().isPresent());

            FolderProblem problem = agent.resultFolderProblem().orElseThrow();
            assertThat(problem.folder()).isEqualTo(folders.res());
            assertThat(problem.detail()).isNotBlank();
            assertThat(agent.oldestWaitingSince()).isPresent();

            Files.delete(folders.res());
            Files.createDirectory(folders.res());
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            assertThat(Files.exists(folders.res().resolve(RESULT))).isTrue();
            assertThat(agent.resultFolderProblem()).isEmpty();
            assertThat(agent.oldestWaitingSince()).isEmpty();
        }
    }
}
