package org.openoqs.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;

/** Characters a file cannot carry become 〓 on purpose, and are counted; never ?, U+FFFD or surrogate references. */
class CharacterSubstitutionTest {

    final XmlDocumentWriter writer = new XmlDocumentWriter();
    final XmlDocumentReader reader = new XmlDocumentReader();

    String roundTrip(String text, CharacterCode cc, int substitutions, int normalizations) {
        WrittenDocument doc = writer.write(XmlNode.leaf("A", text), cc);
        assertThat(doc.substitutions()).as("substitutions of %s in %s", text, cc).isEqualTo(substitutions);
        assertThat(doc.normalizations()).as("normalizations of %s in %s", text, cc).isEqualTo(normalizations);
        String raw = new String(doc.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("&#55").doesNotContain("&#x");
        return reader.read(doc.bytes()).text();
    }

    @Test
    void nonBmpAndEmojiBecomeGetaInShiftJis() {
        assertThat(roundTrip("𠮷野家😀太郎", CharacterCode.SHIFT_JIS, 2, 0)).isEqualTo("〓野家〓太郎");
        assertThat(roundTrip("👨‍👩‍👧", CharacterCode.SHIFT_JIS, 5, 0)).isEqualTo("〓〓〓〓〓");
    }

    @Test
    void nonBmpSurvivesInUtf8() {
        assertThat(roundTrip("𠮷野家😀", CharacterCode.UTF_8, 0, 0)).isEqualTo("𠮷野家😀");
    }

    @Test
    void replacementCharacterIsNotPassedOnInShiftJisButKeptInUtf8() {
        assertThat(roundTrip("a\uFFFDb", CharacterCode.SHIFT_JIS, 1, 0)).isEqualTo("a〓b");
        assertThat(roundTrip("a\uFFFDb", CharacterCode.UTF_8, 0, 0)).isEqualTo("a\uFFFDb");
    }

    @Test
    void xmlForbiddenCharactersBecomeGetaInBothEncodings() {
        for (CharacterCode cc : CharacterCode.values()) {
            assertThat(roundTrip("a\u0000b\u0001c\u001Fd\uFFFEe\uFFFF", cc, 5, 0)).isEqualTo("a〓b〓c〓d〓e〓");
            assertThat(roundTrip("x\uD800y\uDC00", cc, 2, 0)).as("lone surrogates").isEqualTo("x〓y〓");
        }
    }

    @Test
    void shiftJisTwinsAreNormalisedNotLost() {
        assertThat(roundTrip("〜−‖—¢£¬¥‾", CharacterCode.SHIFT_JIS, 0, 9)).isEqualTo("～－∥―￠￡￢￥￣");
        assertThat(roundTrip("〜−‖—¢£¬¥‾", CharacterCode.UTF_8, 0, 0)).isEqualTo("〜−‖—¢£¬¥‾");
    }

    @Test
    void charactersOutsideWindows31jBecomeGeta() {
        // Hangul, Devanagari and a CJK Extension A ideograph are not in windows-31j
        assertThat(roundTrip("한अ㐂", CharacterCode.SHIFT_JIS, 3, 0)).isEqualTo("〓〓〓");
        assertThat(roundTrip("Ａｱ髙", CharacterCode.SHIFT_JIS, 0, 0)).isEqualTo("Ａｱ髙");
    }

    @Test
    void geteMarkItselfIsWrittenAsIs() {
        assertThat(roundTrip("〓", CharacterCode.SHIFT_JIS, 0, 0)).isEqualTo("〓");
        assertThat(XmlDocumentWriter.SUBSTITUTE).isEqualTo('〓');
    }
}
