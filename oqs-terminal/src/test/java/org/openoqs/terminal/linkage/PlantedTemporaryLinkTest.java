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
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 2, the attack as reported: whoever can write to {@code res} (the share) plants a symbolic link
 * under the temporary name the terminal used to write a result to ({@code res/.<result>.tmp}, predictable from the
 * request name), pointing at a file outside {@code res}. The terminal must not write through it.
 */
class PlantedTemporaryLinkTest {

    private static final String REQUEST = "OQSsiquc01req_202504019001.xml";
    private static final String RESULT = "OQSsiquc01res_202504019001.xml";

    @TempDir
    Path root;

    @Test
    void aLinkUnderTheOldTemporaryNameIsNeverWrittenThrough() throws Exception {
        Path victim = Files.createDirectories(root.resolve("elsewhere")).resolve("victim.conf");
        Files.writeString(victim, "precious=1\n");
        LinkageFolders folders = LinkageFolders.under(root.resolve("oqs"));
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            Path planted = folders.res().resolve("." + RESULT + ".tmp");
            Files.createSymbolicLink(planted, victim);

            drop(folders.req(), REQUEST, "<XmlMsg>patient</XmlMsg>");
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();

            assertThat(Files.readString(victim)).isEqualTo("precious=1\n");
            Path result = folders.res().resolve(RESULT);
            assertThat(Files.isSymbolicLink(result)).isFalse();
            assertThat(Files.isRegularFile(result, LinkOption.NOFOLLOW_LINKS)).isTrue();
            assertThat(read(result)).isEqualTo(RecordingProcessor.answerTo(REQUEST, "<XmlMsg>patient</XmlMsg>"));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-rw----");
            assertThat(Files.readSymbolicLink(planted)).isEqualTo(victim); // untouched, not followed
            assertThat(names(folders.res())).containsExactlyInAnyOrder("." + RESULT + ".tmp", RESULT);
            assertThat(names(folders.processing())).isEmpty();
        }
    }
}
