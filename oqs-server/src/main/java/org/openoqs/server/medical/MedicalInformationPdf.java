package org.openoqs.server.medical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
import org.openoqs.server.pdf.JapaneseFont;
import org.springframework.stereotype.Component;

/**
 * PDF renditions of 薬剤情報 and 特定健診情報 (file categories 1 and 3), rendered with Apache PDFBox and a Japanese
 * TrueType font embedded as a subset: the service's {@link JapaneseFont} (IPA Gothic shipped with it, or the file
 * named by {@value JapaneseFont#PROPERTY}). When a configured font cannot be used, the terminal API answers PDF
 * requests with {@code OQSP3114} and keeps answering XML ones; the portal answers 503 (docs/medical-information.md).
 */
@Component
public class MedicalInformationPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");
    private static final float MARGIN = 48;
    private static final float LINE = 15;

    private final JapaneseFont font;

    public MedicalInformationPdf(JapaneseFont font) {
        this.font = font;
    }

    /** False when the configured font cannot be used; {@link #font()} says why. */
    public boolean available() {
        return font.usable();
    }

    public JapaneseFont font() {
        return font;
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
            PDType0Font jp = font.loadInto(doc);
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
