package org.openoqs.server.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Japanese TrueType font every PDF of the service is drawn with (薬剤情報・特定健診 and the 処方箋 控え).
 *
 * <p>By default it is IPA Gothic shipped inside the service ({@code ipag.ttf} next to this class, IPA Font License
 * v1.0 beside it), so a PDF never depends on a font the operating system may lack. The system property
 * {@value #PROPERTY} names another TrueType file instead. A configured file that cannot be read, is not a TrueType
 * font or has no Japanese glyphs does not silently fall back: the font is then unusable with a Japanese reason, the
 * service logs it at start-up and answers PDF requests with {@link PdfFontUnavailableException} (HTTP 503).
 */
public final class JapaneseFont {

    public static final String PROPERTY = "openoqs.pdf.font";
    static final String BUNDLED_RESOURCE = "ipag.ttf";
    static final String BUNDLED_NAME = "同梱の IPAゴシック（IPA Font License v1.0）";
    /** A font without these shows 薬剤情報 as empty boxes: as useless as no font. */
    private static final String JAPANESE_SAMPLE = "あア薬";

    /** How the demo and {@code oqs doctor} name the bundled font in {@code demo.properties} ({@code pdf.font}). */
    public static final String BUNDLED_SETTING = "bundled";

    private final String source;
    private final byte[] program;
    private final String problem;
    private final boolean bundled;

    private JapaneseFont(String source, byte[] program, String problem) {
        this.source = source;
        this.program = program;
        this.problem = problem;
        this.bundled = BUNDLED_NAME.equals(source);
    }

    /** The setting as written: {@value #BUNDLED_SETTING} or the configured file's absolute path. */
    public String setting() {
        return bundled ? BUNDLED_SETTING : source;
    }

    /** The font a setting names: {@value #BUNDLED_SETTING} (or nothing) is the bundled one, anything else a file. */
    public static JapaneseFont of(String setting) {
        return setting == null || setting.isBlank() || setting.equals(BUNDLED_SETTING) ? bundled()
                : file(Path.of(setting));
    }

    /** The file named by {@value #PROPERTY}, else the bundled IPA Gothic. */
    public static JapaneseFont configured() {
        String configured = System.getProperty(PROPERTY);
        return configured == null || configured.isBlank() ? bundled() : file(Path.of(configured));
    }

    public static JapaneseFont bundled() {
        try (InputStream in = JapaneseFont.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                return unusable(BUNDLED_NAME, "サービスに同梱のフォントファイルが見つかりません（配布物が壊れています）");
            }
            return checked(BUNDLED_NAME, in.readAllBytes());
        } catch (IOException e) {
            return unusable(BUNDLED_NAME, "同梱のフォントファイルを読み込めません（" + e.getMessage() + "）");
        }
    }

    public static JapaneseFont file(Path path) {
        String source = path.toAbsolutePath().toString();
        if (Files.isDirectory(path)) {
            return unusable(source, "フォルダーです。TrueType フォントのファイル（.ttf）を指定してください");
        }
        try {
            return checked(source, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return unusable(source, "ファイルがありません");
        } catch (AccessDeniedException e) {
            return unusable(source, "読み取る権限がありません");
        } catch (IOException e) {
            return unusable(source, "読み込めません（" + e.getMessage() + "）");
        }
    }

    private static JapaneseFont checked(String source, byte[] bytes) {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
            CmapLookup unicode = font.getUnicodeCmapLookup(false);
            if (unicode == null || !JAPANESE_SAMPLE.codePoints().allMatch(c -> unicode.getGlyphId(c) > 0)) {
                return unusable(source, "日本語の文字を含まないフォントです");
            }
            return new JapaneseFont(source, bytes, null);
        } catch (IOException | RuntimeException notTrueType) {
            return unusable(source, "TrueType フォントとして読み込めません（" + notTrueType.getMessage() + "）");
        }
    }

    private static JapaneseFont unusable(String source, String problem) {
        return new JapaneseFont(source, null, problem);
    }

    public boolean usable() {
        return problem == null;
    }

    /** Japanese: why no PDF can be drawn; empty when the font is usable. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Where the font comes from: a file path, or the bundled font's name. */
    public String source() {
        return source;
    }

    /** The font for one document, embedded as a subset of the glyphs it shows (keeps the PDF small). */
    public PDType0Font loadInto(PDDocument document) throws IOException {
        if (!usable()) {
            throw new PdfFontUnavailableException(this);
        }
        // through a stream: PDFBox's RandomAccessRead overload (3.0.6) wrote glyph widths that split every
        // character onto a line of its own when the text is extracted
        return PDType0Font.load(document, new ByteArrayInputStream(program), true);
    }
}
