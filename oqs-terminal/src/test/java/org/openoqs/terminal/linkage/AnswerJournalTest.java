package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerJournalTest {

    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedLineFormats() throws Exception {
        Path file = dir.resolve("answered.log");
        try (AnswerJournal journal = AnswerJournal.openCompacted(file, entry -> true)) {
            journal.claimed("OQSsiquc01req_1.xml");
            journal.writing("OQSsiquc01req_1.xml", "OQSsiquc01res_1.xml", SHA);
            journal.done("OQSsiquc01req_1.xml", "OQSsiquc01res_1.xml", SHA);
        }
        assertThat(Files.readAllLines(file)).satisfiesExactly(
                line -> assertThat(line).matches("\\d+\tCLAIMED\tOQSsiquc01req_1\\.xml"),
                line -> assertThat(line).matches("\\d+\tWRITING\tOQSsiquc01req_1\\.xml\tOQSsiquc01res_1\\.xml\t" + SHA),
                line -> assertThat(line).matches("\\d+\tOQSsiquc01req_1\\.xml\tOQSsiquc01res_1\\.xml\t" + SHA));
    }

    @Test
    void compactionKeepsOnlyTheLatestEntryOfTheNamesThatMatter() throws Exception {
        Path file = dir.resolve("answered.log");
        try (AnswerJournal journal = AnswerJournal.openCompacted(file, entry -> true)) {
            journal.claimed("OQSsiquc01req_1.xml");
            journal.done("OQSsiquc01req_1.xml", "OQSsiquc01res_1.xml", SHA);
            journal.claimed("OQSsiquc01req_2.xml");
            journal.done("OQSsiquc01req_2.xml", "OQSsiquc01res_2.xml", SHA);
        }
        try (AnswerJournal journal = AnswerJournal.openCompacted(file,
                entry -> entry.requestName().equals("OQSsiquc01req_2.xml"))) {
            assertThat(journal.latest("OQSsiquc01req_1.xml")).isNull();
            assertThat(journal.latest("OQSsiquc01req_2.xml").stage()).isEqualTo(JournalEntry.Stage.DONE);
        }
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("OQSsiquc01req_2.xml");
        assertThat(Files.exists(dir.resolve("answered.log.tmp"))).isFalse();
    }

    @Test
    void aLineWithoutItsNewlineNeverCounted() throws Exception {
        Path file = dir.resolve("answered.log");
        Files.writeString(file, "1\tCLAIMED\tOQSsiquc01req_1.xml\n2\tOQSsiquc01req_1.xml\tOQSsiquc01res_1.xml\t" + SHA);
        assertThat(AnswerJournal.load(file).get("OQSsiquc01req_1.xml").stage())
                .isEqualTo(JournalEntry.Stage.CLAIMED);
    }
}
