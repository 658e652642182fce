package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's side of the service outage timeout: retried with back-off until the deadline, one retry timed to
 * fall on it, then the processor's error answer is published once; processors without an error answer keep their
 * requests; the waiting time of a claimed request survives a restart.
 */
class ServiceOutageDeadlineTest {

    private static final String REQUEST = "OQSsiquc01req_202504010020.xml";
    private static final String RESULT = "OQSsiquc01res_202504010020.xml";

    @TempDir
    Path root;

    /** Always unavailable; answers the timeout with a recognisable text. */
    private static final class UnreachableService implements RequestProcessor {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger errorAnswers = new AtomicInteger();
        volatile Duration waitedWhenGivenUp;

        @Override
        public ProcessedResult process(RequestFile request) {
            attempts.incrementAndGet();
            throw new CentralServiceUnavailableException("connection refused (test)");
        }

        @Override
        public ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
            errorAnswers.incrementAndGet();
            waitedWhenGivenUp = waited;
            return new ProcessedResult(RecordingProcessor.resultNameOf(request.name()),
                    "service unavailable".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givesUpAtTheDeadlineNotABackOffLater() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        UnreachableService processor = new UnreachableService();
        // Without aligning a retry to the deadline the attempts would be at 0, 400 and 1,200 ms.
        LinkageSettings settings = fastSettings().withRetryDelays(Duration.ofMillis(400), Duration.ofSeconds(10))
                .withServiceOutageTimeout(Duration.ofMillis(500));
        try (LinkageAgent agent = new LinkageAgent(folders, settings, processor)) {
            agent.start();
            long dropped = System.nanoTime();
            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("the error answer is published", () -> Files.exists(folders.res().resolve(RESULT)));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - dropped);

            assertThat(read(folders.res().resolve(RESULT))).isEqualTo("service unavailable");
            assertThat(processor.waitedWhenGivenUp).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(elapsed).isLessThan(Duration.ofMillis(1_150));
            assertThat(processor.attempts.get()).isEqualTo(3);
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(processor.errorAnswers.get()).isEqualTo(1);
            assertThat(names(folders.processing())).isEmpty();
            assertThat(agent.status().answered()).isEqualTo(1);
        }
    }

    @Test
    void aProcessorWithoutAnErrorAnswerKeepsItsRequestPastTheDeadline() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        AtomicInteger attempts = new AtomicInteger();
        RequestProcessor unreachable = request -> {
            attempts.incrementAndGet();
            throw new CentralServiceUnavailableException("down (test)");
        };
        LinkageSettings settings = fastSettings().withServiceOutageTimeout(Duration.ofMillis(50));
        try (LinkageAgent agent = new LinkageAgent(folders, settings, unreachable)) {
            agent.start();
            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("several attempts after the deadline", () -> attempts.get() >= 5);

            assertThat(names(folders.res())).isEmpty();
            assertThat(names(folders.processing())).containsExactly(REQUEST);
            assertThat(agent.oldestWaitingSince()).isPresent();
        }
    }

    @Test
    void theWaitBeforeACrashCountsAfterTheRestart() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        Files.createDirectories(folders.processing());
        Files.writeString(folders.processing().resolve(REQUEST), "<XmlMsg/>");
        long claimedTenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        Files.writeString(folders.journal(), JournalEntry.claimed(REQUEST, claimedTenMinutesAgo).toLine() + "\n");
        UnreachableService processor = new UnreachableService();
        LinkageSettings settings = fastSettings().withServiceOutageTimeout(Duration.ofMinutes(2));

        try (LinkageAgent agent = new LinkageAgent(folders, settings, processor)) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }

        assertThat(processor.attempts.get()).isEqualTo(1);
        assertThat(processor.waitedWhenGivenUp).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(read(folders.res().resolve(RESULT))).isEqualTo("service unavailable");
    }
}
