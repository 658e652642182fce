package org.openoqs.server.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service ships its Japanese font, and a configured one is checked before any PDF is drawn. The broken settings
 * are ones that fail for root too (root ignores file modes): a folder, a missing file, a corrupt file.
 */
class JapaneseFontTest {

    @TempDir
    Path dir;

    @Test
    void theBundledIpaGothicIsUsableWithoutAnyFontOnTheMachine() throws Exception {
        JapaneseFont font = JapaneseFont.bundled();

        assertThat(font.problem()).isEmpty();
        assertThat(font.source()).contains("IPAゴシック");
        try (PDDocument doc = new PDDocument()) {
            PDType0Font loaded = font.loadInto(doc);
            assertThat(loaded.getName()).contains("IPAGothic");
            assertThat(loaded.isEmbedded()).isTrue();
        }
        assertThat(JapaneseFont.class.getResource("IPA_Font_License_Agreement_v1.0.txt"))
                .as("the licence travels with the font").isNotNull();
    }

    @Test
    void withoutTheSystemPropertyTheBundledFontIsUsed() {
        String before = System.clearProperty(JapaneseFont.PROPERTY);
        try {
            assertThat(JapaneseFont.configured().source()).isEqualTo(JapaneseFont.BUNDLED_NAME);
        } finally {
            if (before != null) {
                System.setProperty(JapaneseFont.PROPERTY, before);
            }
        }
    }

    @Test
    void aConfiguredCopyOfAGoodFontIsUsed() throws Exception {
        Path copy = dir.resolve("my-gothic.ttf");
        try (var in = JapaneseFont.class.getResourceAsStream(JapaneseFont.BUNDLED_RESOURCE)) {
            Files.copy(in, copy);
        }

        JapaneseFont font = JapaneseFont.file(copy);

        assertThat(font.usable()).isTrue();
        assertThat(font.source()).isEqualTo(copy.toAbsolutePath().toString());
    }

    @Test
    void aFolderIsNotAFont() throws Exception {
        JapaneseFont font = JapaneseFont.file(dir);

        assertThat(font.usable()).isFalse();
        assertThat(font.problem()).hasValueSatisfying(p -> assertThat(p).contains("フォルダー"));
        try (PDDocument doc = new PDDocument()) {
            assertThatThrownBy(() -> font.loadInto(doc)).isInstanceOf(PdfFontUnavailableException.class)
                    .hasMessageContaining("日本語フォントを読み込めないため、PDFを作成できません")
                    .hasMessageContaining(dir.toString());
        }
    }

    @Test
    void aMissingFileIsNamed() {
        JapaneseFont font = JapaneseFont.file(dir.resolve("nowhere.ttf"));

        assertThat(font.problem()).contains("ファイルがありません");
    }

    @Test
    void aCorruptFileIsNotTrueType() throws Exception {
        Path corrupt = Files.write(dir.resolve("corrupt.ttf"), "this is not a font".getBytes());

        assertThat(JapaneseFont.file(corrupt).problem())
                .hasValueSatisfying(p -> assertThat(p).startsWith("TrueType フォントとして読み込めません"));
    }

    @Test
    void aTruncatedFontIsNotTrueType() throws Exception {
        byte[] whole;
        try (var in = JapaneseFont.class.getResourceAsStream(JapaneseFont.BUNDLED_RESOURCE)) {
            whole = in.readAllBytes();
        }
        Path truncated = Files.write(dir.resolve("truncated.ttf"), java.util.Arrays.copyOf(whole, 4096));

        assertThat(JapaneseFont.file(truncated).usable()).isFalse();
    }
}
