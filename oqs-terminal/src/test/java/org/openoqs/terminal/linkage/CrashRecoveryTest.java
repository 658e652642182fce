package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;
import static org.openoqs.terminal.linkage.LinkageTestSupport.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recreates on disk what a crash leaves behind at each stage of the claim/answer protocol, using the real journal,
 * then starts an agent: every request ends up with exactly one result and nothing is left over.
 */
class CrashRecoveryTest {

    private static final String REQUEST = "OQSsiquc01req_202504010005.xml";
    private static final String RESULT = "OQSsiquc01res_202504010005.xml";
    private static final String REQUEST_CONTENT = "<XmlMsg>request</XmlMsg>";
    private static final String FRESH_ANSWER = RecordingProcessor.answerTo(REQUEST, REQUEST_CONTENT);

    @TempDir
    Path root;

    private LinkageFolders folders;
    private final RecordingProcessor processor = new RecordingProcessor();

    @BeforeEach
    void createFolders() throws IOException {
        folders = LinkageFolders.under(root);
        Files.createDirectories(folders.req());
        Files.createDirectories(folders.res());
        Files.createDirectories(folders.processing());
    }

    @Test
    void claimedButNotYetAnswered() throws Exception {
        leaveClaimedCopy();
        try (AnswerJournal journal = openJournal()) {
            journal.claimed(REQUEST);
        }

        restart();

        assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
        assertOnlyResult(FRESH_ANSWER);
    }

    @Test
    void resultPublishedButNotYetJournaledAsDone() throws Exception {
        String published = "<XmlMsg>published before the crash</XmlMsg>";
        leaveClaimedCopy();
        Files.writeString(folders.res().resolve(RESULT), published);
        try (AnswerJournal journal = openJournal()) {
            journal.claimed(REQUEST);
            journal.writing(REQUEST, RESULT, sha256(published));
        }

        restart();

        assertThat(processor.callsFor(REQUEST)).isZero();
        assertOnlyResult(published);
        assertThat(AnswerJournal.load(folders.journal()).get(REQUEST).stage()).isEqualTo(JournalEntry.Stage.DONE);
    }

    @Test
    void crashedWhileWritingTheTemporaryResult() throws Exception {
        String planned = "<XmlMsg>planned answer</XmlMsg>";
        leaveClaimedCopy();
        Files.writeString(folders.res().resolve("." + RESULT + ".0123456789abcdef.tmp"), "<XmlMsg>half");
        try (AnswerJournal journal = openJournal()) {
            journal.claimed(REQUEST);
            journal.writing(REQUEST, RESULT, sha256(planned));
        }

        restart();

        assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
        assertOnlyResult(FRESH_ANSWER);
    }

    @Test
    void answeredButTheClaimedCopyWasNotDeleted() throws Exception {
        String published = "<XmlMsg>published and journaled</XmlMsg>";
        leaveClaimedCopy();
        Files.writeString(folders.res().resolve(RESULT), published);
        try (AnswerJournal journal = openJournal()) {
            journal.claimed(REQUEST);
            journal.writing(REQUEST, RESULT, sha256(published));
            journal.done(REQUEST, RESULT, sha256(published));
        }

        restart();

        assertThat(processor.callsFor(REQUEST)).isZero();
        assertOnlyResult(published);
        assertThat(Files.readAllLines(folders.journal())).as("one completion line per answer")
                .filteredOn(line -> JournalEntry.parse(line).map(e -> e.stage() == JournalEntry.Stage.DONE
                        && e.requestName().equals(REQUEST)).orElse(false)).hasSize(1);
    }

    @Test
    void aResubmittedNameClaimedAfterItsEarlierAnswerWasCollected() throws Exception {
        String earlier = "<XmlMsg>earlier answer, collected</XmlMsg>";
        leaveClaimedCopy();
        try (AnswerJournal journal = openJournal()) {
            journal.done(REQUEST, RESULT, sha256(earlier));
            journal.claimed(REQUEST); // the second request of the same name, claimed just before the crash
        }

        restart();

        assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
        assertOnlyResult(FRESH_ANSWER);
    }

    @Test
    void aTornJournalLineIsIgnored() throws Exception {
        leaveClaimedCopy();
        try (AnswerJournal journal = openJournal()) {
            journal.claimed(REQUEST);
        }
        Files.writeString(folders.journal(), "1700000000000\tWRITING\t" + REQUEST + "\t" + RESULT + "\t12ab",
                java.nio.file.StandardOpenOption.APPEND);

        restart();

        assertThat(processor.callsFor(REQUEST)).isEqualTo(1);
        assertOnlyResult(FRESH_ANSWER);
        assertThat(Files.readAllLines(folders.journal())).noneMatch(line -> line.endsWith("12ab"));
    }

    private void leaveClaimedCopy() throws IOException {
        Files.writeString(folders.processing().resolve(REQUEST), REQUEST_CONTENT);
    }

    private AnswerJournal openJournal() throws IOException {
        return AnswerJournal.openCompacted(folders.journal(), entry -> true);
    }

    private void restart() throws Exception {
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(agent.status().answered()).isEqualTo(1);
        }
    }

    private void assertOnlyResult(String expectedContent) throws IOException {
        assertThat(names(folders.res())).containsExactly(RESULT); // also: no leftover .tmp
        assertThat(read(folders.res().resolve(RESULT))).isEqualTo(expectedContent);
        assertThat(names(folders.processing())).isEmpty();
        assertThat(names(folders.req())).isEmpty();
    }

    private static String sha256(String content) {
        return Sha256.hex(content.getBytes(StandardCharsets.UTF_8));
    }
}
