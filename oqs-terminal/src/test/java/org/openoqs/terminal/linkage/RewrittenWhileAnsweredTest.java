package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A レセコン that writes its request in place and rewrites it through the handle it still holds while the agent is
 * answering the first version: the first answer is dropped, the request is read again, and the only result answers
 * the version the file finally holds.
 */
class RewrittenWhileAnsweredTest {

    private static final String REQUEST = "OQSsiquc01req_202504010021.xml";
    private static final String RESULT = "OQSsiquc01res_202504010021.xml";
    private static final String FIRST = "<XmlMsg>first version</XmlMsg>";
    private static final String SECOND = "<XmlMsg>second, corrected version</XmlMsg>";

    @TempDir
    Path root;

    @Test
    void answersTheVersionTheFileFinallyHolds() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        CountDownLatch rewritten = new CountDownLatch(1);
        RecordingProcessor processor = new RecordingProcessor().behaving(request -> {
            firstCallStarted.countDown();
            try {
                rewritten.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RecordingProcessor.echo(request);
        });
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            try (FileChannel writer = FileChannel.open(folders.req().resolve(REQUEST), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writer.write(ByteBuffer.wrap(FIRST.getBytes(StandardCharsets.UTF_8)));
                assertThat(firstCallStarted.await(10, TimeUnit.SECONDS)).isTrue();
                // the agent has claimed (renamed) the file; the handle still reaches it
                writer.truncate(0);
                writer.write(ByteBuffer.wrap(SECOND.getBytes(StandardCharsets.UTF_8)), 0);
                writer.force(true);
            }
            rewritten.countDown();

            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            assertThat(processor.callsFor(REQUEST)).isEqualTo(2);
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(read(folders.res().resolve(RESULT))).isEqualTo(RecordingProcessor.answerTo(REQUEST, SECOND));
            assertThat(names(folders.processing())).isEmpty();
        }
    }
}
