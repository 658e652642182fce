package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.examples.ExampleCorpus;

/** The result file follows the facility's character-code setting, and says so in CharacterCodeIdentifier. */
class ResultCharacterCodeTest {

    @TempDir
    Path root;

    @Test
    void shiftJisSettingGivesShiftJisBytesOnTheNextResult() throws Exception {
        byte[] request = ExampleCorpus.dir(ExampleCorpus.VALID).stream()
                .filter(e -> e.file().equals("shaho-honnin.xml")).findFirst().orElseThrow().bytes();
        try (TerminalHarness harness = new TerminalHarness(root)) {
            harness.drop("OQSsiquc01req_utf8.xml", request);
            byte[] utf8 = harness.awaitResult("OQSsiquc01res_utf8.xml", java.time.Duration.ofSeconds(10));

            harness.central.setCharacterCode(CharacterCode.SHIFT_JIS);
            harness.drop("OQSsiquc01req_sjis.xml", request);
            byte[] sjis = harness.awaitResult("OQSsiquc01res_sjis.xml", java.time.Duration.ofSeconds(10));

            assertThat(new String(utf8, StandardCharsets.UTF_8)).contains("encoding=\"UTF-8\"")
                    .contains("<CharacterCodeIdentifier>0</CharacterCodeIdentifier>");
            String decoded = new String(sjis, CharacterCode.SHIFT_JIS.charset());
            assertThat(decoded).contains("encoding=\"Shift_JIS\"")
                    .contains("<CharacterCodeIdentifier>1</CharacterCodeIdentifier>");
            QualificationInquiryResult parsed = QualificationMessages.parseResult(sjis);
            assertThat(parsed.body().results().get(0).name())
                    .isEqualTo(QualificationMessages.parseResult(utf8).body().results().get(0).name());
            // real Shift_JIS bytes for kanji, not character references
            assertThat(decoded).doesNotContain("&#");
        }
    }
}
