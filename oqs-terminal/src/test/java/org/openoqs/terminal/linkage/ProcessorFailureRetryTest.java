package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.awaitCondition;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request whose processing fails is kept in work/processing and answered once the cause is gone. */
class ProcessorFailureRetryTest {

    private static final String REQUEST = "OQSsiquc01req_202504010006.xml";
    private static final String RESULT = "OQSsiquc01res_202504010006.xml";

    @TempDir
    Path root;

    @Test
    void keepsTheRequestWhileTheCentralServiceIsUnavailable() throws Exception {
        AtomicBoolean available = new AtomicBoolean(false);
        assertKeptUntilRecovered(available, new RecordingProcessor().behaving(request -> {
            if (!available.get()) {
                throw new CentralServiceUnavailableException("connection refused");
            }
            return RecordingProcessor.echo(request);
        }));
    }

    @Test
    void keepsTheRequestWhenTheProcessorHasABug() throws Exception {
        AtomicBoolean fixed = new AtomicBoolean(false);
        assertKeptUntilRecovered(fixed, new RecordingProcessor().behaving(request -> {
            if (!fixed.get()) {
                throw new NullPointerException("bug");
            }
            return RecordingProcessor.echo(request);
        }));
    }

    private void assertKeptUntilRecovered(AtomicBoolean recovered, RecordingProcessor processor) throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            drop(folders.req(), REQUEST, "<XmlMsg/>");

            awaitCondition("several attempts failed", () -> agent.status().failedAttempts() >= 3);
            assertThat(names(folders.processing())).containsExactly(REQUEST);
            assertThat(names(folders.res())).isEmpty();
            assertThat(agent.status().inFlight()).isEqualTo(1);

            recovered.set(true);

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, "<XmlMsg/>"));
            assertThat(names(folders.processing())).isEmpty();
            assertThat(agent.status().answered()).isEqualTo(1);
            assertThat(processor.callsFor(REQUEST)).isEqualTo(agent.status().failedAttempts() + 1);
        }
    }
}
