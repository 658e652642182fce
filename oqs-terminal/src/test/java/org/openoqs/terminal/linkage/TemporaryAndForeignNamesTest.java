package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.linkage.LinkageTestSupport.TIMEOUT;
import static org.openoqs.terminal.linkage.LinkageTestSupport.fastSettings;
import static org.openoqs.terminal.linkage.LinkageTestSupport.names;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryAndForeignNamesTest {

    private static final List<String> IGNORED = List.of(
            ".OQSsiquc01req_1.xml",
            "~OQSsiquc01req_2.xml",
            "OQSsiquc01req_3.xml.tmp",
            "OQSsiquc01req_4.xml.part",
            "OQSsiquc01req_5.xml.crdownload",
            "OQSsiquc01req_6.xml.SWP",
            "readme.txt",
            "OQSsiquc01res_7.xml",
            "oqssiquc01req_8.xml",
            "OQSxxquc01req_9.xml",
            "OQSsiquc1req_10.xml",
            "OQSsiquc01req_");

    @TempDir
    Path root;

    @Test
    void leavesTemporaryAndNonRequestNamesAlone() throws Exception {
        LinkageFolders folders = LinkageFolders.under(root);
        Files.createDirectories(folders.req());
        for (String name : IGNORED) {
            Files.writeString(folders.req().resolve(name), "<XmlMsg/>");
        }
        Files.createDirectory(folders.req().resolve("OQSsiquc01req_11.xml")); // a folder with a request name
        RecordingProcessor processor = new RecordingProcessor();
        try (LinkageAgent agent = new LinkageAgent(folders, fastSettings(), processor)) {
            agent.start();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
            assertThat(agent.awaitIdle(TIMEOUT)).isTrue();
        }
        assertThat(processor.requests()).isEmpty();
        assertThat(names(folders.req())).hasSize(IGNORED.size() + 1);
        assertThat(names(folders.res())).isEmpty();
    }

    @Test
    void classifiesNamesByTheRequestGrammar() {
        assertThat(RequestNames.classify("OQSsiquc01req_202504010001.xml")).isEqualTo(RequestNames.Kind.REQUEST);
        assertThat(RequestNames.classify("OQSmuquc02req_202504010001.xml")).isEqualTo(RequestNames.Kind.REQUEST);
        assertThat(RequestNames.classify("ZZZsizzz99req_unknown-prefix.zip")).isEqualTo(RequestNames.Kind.REQUEST);
        assertThat(RequestNames.classify("OQSsiquc01req_a\tb.xml")).isEqualTo(RequestNames.Kind.FOREIGN);
        assertThat(RequestNames.classify("OQSsiquc01req_1.xml.tmp")).isEqualTo(RequestNames.Kind.TEMPORARY);
        assertThat(RequestNames.classify("notes.txt")).isEqualTo(RequestNames.Kind.FOREIGN);
    }
}
