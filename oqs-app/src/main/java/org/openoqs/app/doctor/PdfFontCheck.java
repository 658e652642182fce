package org.openoqs.app.doctor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.openoqs.server.pdf.JapaneseFont;
import org.openoqs.terminal.doctor.DoctorCheck;
import org.openoqs.terminal.doctor.DoctorContext;
import org.openoqs.terminal.doctor.Finding;

/**
 * The Japanese font the central service draws its PDFs with (薬剤情報・特定健診 file category 1, the 処方箋 控え):
 * for a demo home the font its service uses ({@code pdf.font} in {@code demo.properties}), otherwise the one this
 * installation's {@code -Dopenoqs.pdf.font} names (the bundled IPA Gothic without it). An unusable font fails with
 * the reason; the service then answers those PDFs with {@code OQSF9801} (HTTP 503) or {@code OQSP3114}.
 */
final class PdfFontCheck implements DoctorCheck {

    private final Path home;

    PdfFontCheck(Path home) {
        this.home = home;
    }

    @Override
    public String id() {
        return "service.pdf-font";
    }

    @Override
    public Finding run(DoctorContext context) {
        JapaneseFont font;
        try {
            font = demoSetting().map(JapaneseFont::of).orElseGet(JapaneseFont::configured);
        } catch (IOException unreadable) {
            return Finding.warn(id(), TerminalSetupLoader.DEMO_PROPERTIES + " を読み込めないため、PDF のフォントを確認できません: "
                    + unreadable.getMessage(), "ファイルの権限を確認してください。");
        }
        return font.problem()
                .map(problem -> Finding.fail(id(), "PDF の日本語フォント（" + font.source() + "）を使用できません: " + problem
                        + "。薬剤情報・特定健診の PDF と処方箋の控えを作成できません。",
                        "-Dopenoqs.pdf.font に TrueType フォント（.ttf）のファイルを指定するか、指定を外して同梱の IPAゴシックを使用し、"
                                + "サービスを再起動してください。"))
                .orElseGet(() -> Finding.ok(id(), "PDF の日本語フォントを使用できます（" + font.source() + "）"));
    }

    private Optional<String> demoSetting() throws IOException {
        Path demo = home.resolve(TerminalSetupLoader.DEMO_PROPERTIES);
        if (!Files.isRegularFile(demo)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(demo, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.ofNullable(properties.getProperty("pdf.font"));
    }
}
