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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2, the swap between check and claim: the scanner saw a regular file in {@code req} and took it; before
 * a worker claims it, the file is replaced by a symbolic link to a secret of the terminal's user. The claimed link is
 * never followed: the processor gets a "not a regular file" request without content (answered with OQSF1500 by the
 * router, {@code requests.LinkedRequestAnswerTest}) and the secret stays where it was, unread.
 */
class SwappedRequestLinkTest {

    private static final String BLOCKER = "OQSsiquc01req_202504019003.xml";
    private static final String REQUEST = "OQSsiquc01req_202504019004.xml";

    @TempDir
    Path root;

    @Test
    void aLinkSwappedInAfterTheCheckIsAnsweredNotFollowed() throws Exception {
        Path secret = Files.createDirectories(root.resolve("terminal-home")).resolve("credentials.key");
        Files.writeString(secret, "SECRET-KEY-MATERIAL");
        LinkageFolders folders = LinkageFolders.under(root.resolve("oqs"));
        CountDownLatch release = new CountDownLatch(1);
        RecordingProcessor processor = new RecordingProcessor().behaving(request -> {
            if (request.name().equals(BLOCKER)) {
                awaitQuietly(release); // keeps the only worker busy: the swapped request waits in the queue
            }
            return RecordingProcessor.echo(request);
        });
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings().withMaxConcurrent(1), processor)) {
            agent.start();
            drop(folders.req(), BLOCKER, "<XmlMsg>first</XmlMsg>");
            awaitCondition("the first request is being processed", () -> processor.callsFor(BLOCKER) == 1);
            drop(folders.req(), REQUEST, "<XmlMsg>second</XmlMsg>");
            awaitCondition("the second request was checked and taken", () -> agent.status().inFlight() == 2);

            Path request = folders.req().resolve(REQUEST);
            Files.delete(request);
            Files.createSymbolicLink(request, secret);
            release.countDown();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            RequestFile seen = processor.requests().stream().filter(r -> r.name().equals(REQUEST)).findFirst()
                    .orElseThrow();
            assertThat(seen.notRegularFile()).isTrue();
            assertThat(seen.content()).isNull();
            assertThat(read(folders.res().resolve(REQUEST.replace("req_", "res_"))))
                    .doesNotContain("SECRET").contains("not a regular file");
            assertThat(Files.readString(secret)).isEqualTo("SECRET-KEY-MATERIAL");
            assertThat(names(folders.processing())).isEmpty();
            assertThat(names(folders.req())).isEmpty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
