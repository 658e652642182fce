package org.openoqs.server.eps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openoqs.server.medical.MedicalInformationPdf;

/**
 * The TrueType font the 控え is drawn with: the file named by the system property
 * {@value MedicalInformationPdf#FONT_PROPERTY} (shared with the medical-information PDFs), else IPA Gothic from
 * Debian's {@code fonts-ipafont-gothic} (CI installs it) or one of its usual places.
 */
final class JapaneseFont {

    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));

    private JapaneseFont() {
    }

    static Optional<Path> find() {
        String configured = System.getProperty(MedicalInformationPdf.FONT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        return CANDIDATES.stream().filter(Files::isReadable).findFirst();
    }
}
