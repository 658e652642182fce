package org.openoqs.server.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.eps.EpsFixture.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.pdf.JapaneseFont;

/** 処方内容（控え）: a PDF with the 引換番号 and the content, for the prescribing facility only. */
class PrescriptionCopyTest {

    static final EpsFixture eps = new EpsFixture();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Test
    void theCopyIsAPdfWithTheAccessCodeAndTheDrugs() throws Exception {
        EpsFixture.Facility clinic = eps.facility('1', EPrescriptionUse.ELECTRONIC_AND_PAPER);
        XmlNode registered = eps.call(clinic, EpsOperation.REGISTER, EpsFixture.register(
                EpsFixture.signed(eps.doctor(), EpsFixture.document(clinic.code(), "6001", TODAY)),
                PrescriptionIssueSelect.PAPER));
        XmlNode copy = eps.call(clinic, EpsOperation.COPY, EpsFixture.byId(text(registered, "PrescriptionId")));
        assertThat(text(copy, "ProcessingResultStatus")).isEqualTo("1");
        byte[] pdf = Base64.getDecoder().decode(text(copy, "PrescriptionReferenceInformationFile"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String content = new PDFTextStripper().getText(document);
            assertThat(content).contains(text(registered, "AccessCode"), "テスト錠10mg", "試験　花子", "紙の処方箋");
        }

        EpsFixture.Facility pharmacy = eps.facility('4', EPrescriptionUse.ELECTRONIC_ONLY);
        assertThat(text(eps.call(pharmacy, EpsOperation.COPY, EpsFixture.byId(text(registered, "PrescriptionId"))),
                "ProcessingResultCode")).isEqualTo("EPSA1003E");
    }

    @Test
    void withAnUnusableFontSettingThereIsNoCopy(@TempDir Path folder) {
        PrescriptionCopyPdf noFont = new PrescriptionCopyPdf(JapaneseFont.file(folder));
        assertThat(noFont.available()).isFalse();
        assertThat(noFont.render(null, null, null, LocalDateTime.now())).isEmpty();
    }
}
