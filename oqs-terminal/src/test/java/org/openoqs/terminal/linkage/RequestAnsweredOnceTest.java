package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestAnsweredOnceTest {

    private static final String REQUEST = "OQSsiquc01req_202504010001.xml";
    private static final String RESULT = "OQSsiquc01res_202504010001.xml";

    @TempDir
    Path root;

    @Test
    void answersOnceJournalsTheResultAndLeavesNothingBehind() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            drop(folders.req(), REQUEST, "<XmlMsg/>");

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue(); // more scans do not answer it again

            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "<XmlMsg/>"));
            assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(names(folders.req())).isEmpty();
            assertThat(names(folders.processing())).isEmpty();
            assertThat(agent.status()).isEqualTo(new LinkageStatus(1, 0, 0, 0, 0));

            String sha256 = Sha256.hex(Files.readAllBytes(folders.res().resolve(RESULT)));
            List<String> journal = Files.readAllLines(folders.journal());
            assertThat(journal.get(journal.size() - 1)).matches("\\d+\t" + REQUEST + "\t" + RESULT + "\t" + sha256);
        }
    }

    @Test
    void theWatchPicksUpARequestWithoutWaitingForTheRescan() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        LinkageSettings rescanAlmostNever = fastSettings().withRescanInterval(Duration.ofHours(1));
        try (LinkageAgent agent = new LinkageAgent(folders, rescanAlmostNever, new RecordingProcessor())) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue(); // the start scan is over before the file arrives

            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("the result is published", () -> Files.exists(folders.res().resolve(RESULT)));
        }
    }

    @Test
    void theResultIsNeverVisibleHalfWritten() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        byte[] large = new byte[8 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        RecordingProcessor processor = new RecordingProcessor()
                .behaving(request -> new ProcessedResult(RESULT, large));
        List<Integer> sizesSeen = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread observer = new Thread(() -> observeVisibleResults(folders.res(), sizesSeen, watching));
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            observer.start();
            drop(folders.req(), REQUEST, "<XmlMsg/>");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            awaitCondition("the observer has read the published result", () -> !sizesSeen.isEmpty());
        } finally {
            watching.set(false);
            observer.join();
        }
        assertThat(sizesSeen).allMatch(size -> size == large.length);
    }

    // Reads every file a レセコン would consider (names not starting with '.') as soon as it appears.
    private static void observeVisibleResults(Path res, List<Integer> sizesSeen, AtomicBoolean watching) {
        while (watching.get()) {
            try {
                for (String name : names(res)) {
                    if (!name.startsWith(".")) {
                        sizesSeen.add(Files.readAllBytes(res.resolve(name)).length);
                    }
                }
            } catch (java.io.IOException e) {
                // a file vanished between listing and reading: look again
            }
        }
    }
}
