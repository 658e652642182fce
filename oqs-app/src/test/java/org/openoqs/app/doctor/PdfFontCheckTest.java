package org.openoqs.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.Verdict;

/**
 * {@code oqs doctor} names a PDF font the service cannot use, with the reason and the fix; the bundled one passes.
 * The broken settings fail for root too (a folder, a corrupt file), as the suite runs as root in CI.
 */
class PdfFontCheckTest {

    @TempDir
    Path home;

    @Test
    void theDemosBundledFontIsUsable() throws Exception {
        Finding finding = checkWith("pdf.font=bundled\n");

        assertThat(finding.status()).isEqualTo(Verdict.OK);
        assertThat(finding.message()).contains("IPAゴシック");
    }

    @Test
    void aFolderConfiguredAsTheFontFailsWithTheReasonAndTheFix() throws Exception {
        Path folder = Files.createDirectories(home.resolve("fonts"));

        Finding finding = checkWith("pdf.font=" + folder.toString().replace("\\", "\\\\") + "\n");

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains(folder.toString()).contains("フォルダーです").contains("処方箋の控え");
        assertThat(finding.fix()).contains("-Dopenoqs.pdf.font");
    }

    @Test
    void aCorruptFontFileFails() throws Exception {
        Path corrupt = Files.writeString(home.resolve("broken.ttf"), "not a font");

        Finding finding = checkWith("pdf.font=" + corrupt.toString().replace("\\", "\\\\") + "\n");

        assertThat(finding.status()).isEqualTo(Verdict.FAIL);
        assertThat(finding.message()).contains("TrueType フォントとして読み込めません");
    }

    @Test
    void withoutADemoTheInstallationsSettingIsChecked() {
        assertThat(new PdfFontCheck(home).run(null).status()).as("no -Dopenoqs.pdf.font: the bundled font")
                .isEqualTo(Verdict.OK);
    }

    private Finding checkWith(String demoProperties) throws Exception {
        Files.writeString(home.resolve(TerminalSetupLoader.DEMO_PROPERTIES), demoProperties, StandardCharsets.UTF_8);
        return new PdfFontCheck(home).run(null);
    }
}
