package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request name used again waits in req while the earlier result is uncollected, and is answered afterwards. */
class ResubmittedNameTest {

    private static final String REQUEST = "OQSsiimm01req_202504010008.xml";
    private static final String RESULT = "OQSsiimm01res_202504010008.xml";

    @TempDir
    Path root;

    @Test
    void waitsForTheEarlierResultToBeCollected() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            drop(folders.req(), REQUEST, "first");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "first"));

            drop(folders.req(), REQUEST, "second");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            assertThat(names(folders.req())).containsExactly(REQUEST);
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "first"));
            assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
            assertThat(agent.status().waitingForCollection()).isEqualTo(1);

            Files.delete(folders.res().resolve(RESULT)); // the レセコン collects the first result

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "second"));
            assertThat(names(folders.req())).isEmpty();
            assertThat(processor.callsFor(REQUEST)).isEqualTo(2);
            assertThat(agent.status().waitingForCollection()).isZero();
        }
    }

    @Test
    void theRuleSurvivesARestart() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            drop(folders.req(), REQUEST, "first");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }
        drop(folders.req(), REQUEST, "second");
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(names(folders.req())).containsExactly(REQUEST);
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "first"));
        }
    }
}
