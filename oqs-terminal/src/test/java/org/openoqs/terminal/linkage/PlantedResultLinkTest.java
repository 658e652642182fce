package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.drop;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2: a symbolic link planted in {@code res} under the very name of the coming result, pointing
 * outside {@code res}. The request is answered; the result replaces the link as an entry and nothing is written
 * through it.
 */
class PlantedResultLinkTest {

    private static final String REQUEST = "OQSsiquc01req_202504019002.xml";
    private static final String RESULT = "OQSsiquc01res_202504019002.xml";

    @TempDir
    Path root;

    @Test
    void aLinkUnderTheResultNameIsReplacedNotFollowed() throws Exception {
        Path victim = Files.createDirectories(root.resolve("elsewhere")).resolve("victim.conf");
        Files.writeString(victim, "precious=1\n");
        LinkageFolders folders = LinkageFolders.under(root.resolve("oqs"));
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            Files.createSymbolicLink(folders.res().resolve(RESULT), victim);

            drop(folders.req(), REQUEST, "<XmlMsg>patient</XmlMsg>");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            assertThat(Files.readString(victim)).isEqualTo("precious=1\n");
            Path result = folders.res().resolve(RESULT);
            assertThat(Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(read(result)).isEqualTo(RecordingProcessor.answerTo(REQUEST, "<XmlMsg>patient</XmlMsg>"));
            assertThat(names(folders.res())).containsExactly(RESULT);
            assertThat(names(folders.processing())).isEmpty();
            assertThat(names(folders.req())).isEmpty();
            assertThat(agent.status().answered()).isEqualTo(1);
        }
    }
}
