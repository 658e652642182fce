package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulCloseTest {

    private static final String REQUEST = "OQSsiquc01req_202504010011.xml";

    @TempDir
    Path root;

    @Test
    void closeLetsTheRequestBeingProcessedFinish() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingProcessor processor = new RecordingProcessor().behaving(request -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RecordingProcessor.echo(request);
        });
        LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor);
        agent.start();
        drop(folders.req(), REQUEST, "<XmlMsg/>");
        assertThat(entered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        Thread closer = new Thread(agent::close);
        closer.start();
        closer.join(200);
        assertThat(closer.isAlive()).as("close waits for the request in flight").isTrue();

        release.countDown();
        closer.join(TIMEOUT.toMillis());
        assertThat(closer.isAlive()).isFalse();
        assertThat(names(folders.res())).containsExactly("OQSsiquc01res_202504010011.xml");
        assertThat(names(folders.processing())).isEmpty();
    }

    @Test
    void aRequestInterruptedByTheShutdownTimeoutIsAnsweredAfterTheNextStart() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        CountDownLatch entered = new CountDownLatch(1);
        RecordingProcessor hanging = new RecordingProcessor().behaving(request -> {
            entered.countDown();
            try {
                Thread.sleep(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                throw new CentralServiceUnavailableException("interrupted by the shutdown");
            }
            return RecordingProcessor.echo(request);
        });
        try (LinkageAgent agent = new LinkageAgent(folders,
                fastSettings().withShutdownTimeout(java.time.Duration.ofMillis(100)), hanging)) {
            agent.start();
            drop(folders.req(), REQUEST, "<XmlMsg/>");
            assertThat(entered.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        assertThat(names(folders.processing())).containsExactly(REQUEST);
        assertThat(names(folders.res())).isEmpty();

        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), new RecordingProcessor())) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }
        assertThat(names(folders.res())).containsExactly("OQSsiquc01res_202504010011.xml");
        assertThat(names(folders.processing())).isEmpty();
    }
}
