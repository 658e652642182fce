package org.openoqs.server.homecare;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.openoqs.core.homecare.UrlRequest;

/**
 * QR codes of a マイナ在宅受付Web URL with ZXing: a PNG (error correction M, 4-module quiet zone, 8 pixels per module —
 * large enough for a phone camera from a printed sheet) or an A4 PDF carrying the same image and the URL in text.
 */
final class QrCodes {

    private static final int PIXELS_PER_MODULE = 8;

    private QrCodes() {
    }

    static byte[] render(String url, UrlRequest.QrFileFormat format) {
        return format == UrlRequest.QrFileFormat.PNG ? png(url) : pdf(url);
    }

    static byte[] png(String url) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix(url), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String url) {
        BufferedImage image = MatrixToImageWriter.toBufferedImage(matrix(url));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject qr = LosslessFactory.createFromImage(document, image);
            float size = 280;
            float x = (PDRectangle.A4.getWidth() - size) / 2;
            float y = PDRectangle.A4.getHeight() - 120 - size;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(qr, x, y, size, size);
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.newLineAtOffset(60, y - 30);
                content.showText(url);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BitMatrix matrix(String url) {
        try {
            BitMatrix modules = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, modules.getWidth() * PIXELS_PER_MODULE,
                    modules.getHeight() * PIXELS_PER_MODULE, Map.of(EncodeHintType.ERROR_CORRECTION,
                            ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("URL cannot be a QR code: " + url.length() + " characters", e);
        }
    }
}
