package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A burst far above the session limit: everything queues, nothing is refused, answered or processed twice. */
class ManyRequestsTest {

    private static final int REQUESTS = 300;
    private static final int MAX_CONCURRENT = 20;

    @TempDir
    Path root;

    @Test
    void answersABurstExactlyOnceWithinTheConcurrencyLimit() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        RecordingProcessor processor = new RecordingProcessor().taking(Duration.ofMillis(5));
        List<String> requestNames = new ArrayList<>();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings().withMaxConcurrent(MAX_CONCURRENT),
                processor)) {
            agent.start();
            for (int i = 0; i < REQUESTS; i++) {
                String name = String.format("OQSsiquc01req_20250401%04d.xml", i);
                requestNames.add(name);
                drop(folders.req(), name, "request " + i);
            }

            assertThat(agent.awaitIdle(Duration.ofSeconds(30))).isTrue();
            assertThat(agent.status()).isEqualTo(new LinkageStatus(REQUESTS, 0, 0, 0, 0));
        }
        assertThat(processor.callsByName()).containsOnlyKeys(requestNames);
        assertThat(processor.callsByName().values()).extracting(AtomicInteger::get).containsOnly(1);
        assertThat(processor.maxConcurrentCalls()).isBetween(2, MAX_CONCURRENT);
        assertThat(names(folders.res())).hasSize(REQUESTS)
                .containsExactlyInAnyOrderElementsOf(requestNames.stream().map(RecordingProcessor::resultNameOf).toList());
        assertThat(names(folders.req())).isEmpty();
        assertThat(names(folders.processing())).isEmpty();
        assertThat(Files.readAllLines(folders.journal()).stream()
                .filter(line -> JournalEntry.parse(line).orElseThrow().stage() == JournalEntry.Stage.DONE))
                .hasSize(REQUESTS);
    }
}
