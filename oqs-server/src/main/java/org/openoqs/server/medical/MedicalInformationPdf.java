package org.openoqs.server.medical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openoqs.core.medical.CheckupItem;
import org.openoqs.core.medical.Diagnosis;
import org.openoqs.core.medical.DispensedDrug;
import org.openoqs.core.medical.DispensingRecord;
import org.openoqs.core.medical.HealthCheckup;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.core.medical.MedicalInformationResults;
import org.openoqs.core.medical.Surgery;
import org.openoqs.core.registry.Person;

/**
 * PDF renditions of 薬剤情報 and 特定健診情報 (file categories 1 and 3), rendered with Apache PDFBox and a Japanese
 * TrueType font embedded as a subset. The font is IPA Gothic from Debian's {@code fonts-ipafont-gothic} (CI installs
 * it), or the file named by the system property {@value #FONT_PROPERTY}. Without a Japanese font no PDF can show the
 * data, so the service answers PDF requests with {@code OQSP3114} and keeps answering XML ones
 * (docs/medical-information.md).
 */
public final class MedicalInformationPdf {

    public static final String FONT_PROPERTY = "openoqs.pdf.font";
    static final List<Path> FONT_CANDIDATES = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");
    private static final float MARGIN = 48;
    private static final float LINE = 15;

    private final Path font;

    private MedicalInformationPdf(Path font) {
        this.font = font;
    }

    /** The renderer, when a Japanese font is available. */
    public static Optional<MedicalInformationPdf> create() {
        String configured = System.getProperty(FONT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isReadable(p) ? Optional.of(new MedicalInformationPdf(p)) : Optional.empty();
        }
        return FONT_CANDIDATES.stream().filter(Files::isReadable).findFirst().map(MedicalInformationPdf::new);
    }

    public byte[] drugInformation(DrugHistoryPeriod period, Person p, List<DispensingRecord> dispensings,
            List<Diagnosis> diagnoses, List<Surgery> surgeries, LocalDateTime now) {
        List<String> lines = new ArrayList<>();
        lines.add("対象期間: " + MedicalInformationResults.months(period.from(), period.to()) + "（調剤月）");
        lines.add("");
        if (dispensings.isEmpty()) {
            lines.add("対象期間の薬剤情報はありません。");
        }
        for (DispensingRecord d : dispensings) {
            lines.add("■ " + d.dispensingDate().format(DATE) + "  調剤: " + d.dispensingInstitutionName() + "  処方: "
                    + d.prescribingInstitutionName());
            for (DispensedDrug drug : d.drugs()) {
                lines.add("    " + drug.drugName() + "  " + drug.quantity() + drug.unit() + "  " + drug.usage() + "  "
                        + drug.days() + ("2".equals(drug.dosageForm()) ? "回分" : "3".equals(drug.dosageForm()) ? "" : "日分"));
            }
        }
        if (diagnoses != null) {
            lines.add("");
            lines.add("【傷病名】");
            diagnoses.forEach(x -> lines.add("    " + x.name() + "（開始 " + x.startDate().format(DATE) + "  "
                    + x.institutionName() + "）"));
        }
        if (surgeries != null && !surgeries.isEmpty()) {
            lines.add("");
            lines.add("【手術】");
            surgeries.forEach(x -> lines.add("    " + x.date().format(DATE) + "  " + x.name() + "  " + x.institutionName()));
        }
        return render(diagnoses == null ? "薬剤情報" : "薬剤情報・診療情報", p, lines, now);
    }

    public byte[] healthCheckups(Person p, List<HealthCheckup> checkups, LocalDateTime now) {
        List<String> lines = new ArrayList<>();
        if (checkups.isEmpty()) {
            lines.add("特定健診情報はありません。");
        }
        for (HealthCheckup c : checkups) {
            lines.add("■ 受診日 " + c.date().format(DATE) + "  " + c.institutionName());
            for (CheckupItem i : c.items()) {
                String value = i.valueName() != null ? i.valueName() : i.value() + (i.unit() == null ? "" : " " + i.unit());
                lines.add("    " + pad(i.name(), 16) + value);
            }
            lines.add("");
        }
        return render("特定健診情報", p, lines, now);
    }

    private byte[] render(String title, Person p, List<String> body, LocalDateTime now) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font jp = PDType0Font.load(doc, font.toFile());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title + " " + p.name());
            info.setProducer("openoqs");
            List<String> lines = new ArrayList<>();
            lines.add("氏名: " + p.name() + "（" + p.nameKana() + "）  生年月日: " + p.birthdate().format(DATE));
            lines.add("作成日時: " + now.format(STAMP) + "  ※ 合成データ（openoqs）");
            lines.add("");
            lines.addAll(body);
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN - 40) / LINE);
            for (int start = 0; start < lines.size() || start == 0; start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    float y = PDRectangle.A4.getHeight() - MARGIN;
                    text(out, jp, 16, MARGIN, y, title);
                    y -= 30;
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        text(out, jp, 9.5f, MARGIN, y, line);
                        y -= LINE;
                    }
                }
                if (lines.isEmpty()) {
                    break;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the " + title + " PDF", e);
        }
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        if (s.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(s);
        out.endText();
    }

    private static String pad(String s, int width) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < width) {
            sb.append('　');
        }
        return sb.toString();
    }
}
