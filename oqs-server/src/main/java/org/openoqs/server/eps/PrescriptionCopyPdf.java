package org.openoqs.server.eps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.server.pdf.JapaneseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 処方内容（控え）as PDF: what the patient takes to the pharmacy — the 引換番号 large, the prescription's content,
 * and who signed it. Rendered with Apache PDFBox and a Japanese TrueType font embedded as a subset (the same font
 * the medical-information PDFs use, {@link JapaneseFont}); when a configured font cannot be used the service answers
 * {@code EPSB1041E} and logs why).
 */
@Component
public class PrescriptionCopyPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");
    private static final float MARGIN = 48;
    private static final float LINE = 15;
    private static final char MISSING_GLYPH = '〓';
    private static final Logger log = LoggerFactory.getLogger(PrescriptionCopyPdf.class);

    private final JapaneseFont font;

    public PrescriptionCopyPdf(JapaneseFont font) {
        this.font = font;
    }

    public boolean available() {
        return font.usable();
    }

    /** The PDF; empty when the configured Japanese font cannot be used. */
    public Optional<byte[]> render(StoredPrescription p, PrescriptionDocument d, String pharmacyName, LocalDateTime now) {
        if (!font.usable()) {
            log.error("処方内容（控え）を作成できません: 日本語フォント {} を使用できません（{}）", font.source(),
                    font.problem().orElse(""));
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        InsuredPatient patient = d.patient();
        lines.add("処方箋ID: " + p.prescriptionId());
        lines.add("発行形態: " + p.issueType().label() + "    状態: " + p.status().label()
                + (pharmacyName == null ? "" : "（" + pharmacyName + "）"));
        lines.add("");
        lines.add("患者氏名: " + patient.name() + (patient.nameKana() == null ? "" : "（" + patient.nameKana() + "）")
                + "    生年月日: " + patient.birthdate().format(DATE));
        lines.add("保険者番号: " + patient.insurerNumber() + "    記号・番号・枝番: "
                + nullToEmpty(patient.insuredCardSymbol()) + "・" + patient.insuredIdentificationNumber() + "・"
                + nullToEmpty(patient.insuredBranchNumber()));
        lines.add("医療機関: " + (d.medicalInstitutionName() == null ? "" : d.medicalInstitutionName() + "  ")
                + "（" + d.medicalInstitutionCode() + "）    処方医: " + d.doctorName());
        lines.add("交付年月日: " + d.issueDate().format(DATE) + "    使用期限: " + d.expiryDate().format(DATE));
        lines.add("");
        lines.add("【処方】");
        int n = 1;
        for (Medication m : d.medications()) {
            lines.add("  " + n++ + ". " + m.drugName() + "  " + m.dose() + m.doseUnit() + "  " + m.usage() + "  "
                    + m.days() + "日分");
        }
        if (d.remarks() != null) {
            lines.add("");
            lines.add("【備考】 " + d.remarks());
        }
        lines.add("");
        lines.add("電子署名: 検証済み（" + p.signer() + "）");
        lines.add("作成日時: " + now.format(STAMP) + "    ※ 合成データ（openoqs）。実在の処方箋ではありません。");
        return Optional.of(draw(p.accessCode(), lines));
    }

    private byte[] draw(String accessCode, List<String> lines) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font jp = font.loadInto(doc);
            doc.getDocumentInformation().setTitle("処方内容（控え）");
            doc.getDocumentInformation().setProducer("openoqs");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.A4.getHeight() - MARGIN;
                text(out, jp, 18, MARGIN, y, "処方内容（控え）");
                y -= 34;
                text(out, jp, 14, MARGIN, y, "引換番号  " + accessCode);
                y -= 28;
                for (String line : lines) {
                    if (y < MARGIN) {
                        break; // 100 drugs at most; the first page holds what a patient needs
                    }
                    text(out, jp, 10, MARGIN, y, printable(jp, line));
                    y -= LINE;
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the prescription copy", e);
        }
    }

    /** Characters the font cannot show become 〓 rather than failing the whole copy. */
    private static String printable(PDType0Font font, String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException unprintable) {
                out.append(MISSING_GLYPH);
            }
        });
        return out.toString();
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

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
