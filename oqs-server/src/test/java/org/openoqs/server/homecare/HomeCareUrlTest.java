package org.openoqs.server.homecare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.homecare.HomeCareFixture.SHARED;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.testsupport.Api;

/**
 * {@code OQSsiurl01} on the real service: the facility's マイナ在宅受付Web URL with a QR code (PNG, or PDF) that decodes
 * to that URL; the URL leads — without any certificate — to a page naming the facility; asking again keeps it,
 * regenerating replaces it and the old URL is gone; bad values are file-level errors, another facility's code 403.
 */
class HomeCareUrlTest {

    static String request(String facility, String kind, String format, String change) {
        StringBuilder body = new StringBuilder("{\"XmlMsg\":{\"MessageHeader\":{\"MedicalInstitutionCode\":\"")
                .append(facility).append("\",\"ArbitraryFileIdentifier\":\"URL-T\"},\"MessageBody\":{");
        body.append("\"UrlAcquisitionClassification\":\"").append(kind).append("\",\"FileFormatClassification\":\"")
                .append(format).append('"');
        if (change != null) {
            body.append(",\"UrlChangeClassification\":\"").append(change).append('"');
        }
        return body.append("}}}").toString();
    }

    static XmlNode ask(HomeCareFixture.Facility f, String json) throws Exception {
        Api.Response r = Api.post(f.client(), SHARED.base(), "api/v1/home-care/url", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JsonMirror.fromJson(r.body());
    }

    static String text(XmlNode root, String element) {
        return root.path("MessageBody", element).map(XmlNode::text).orElse(null);
    }

    /** Decodes the QR code of a PNG image (what a phone camera does). */
    static String decode(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }

    @Test
    void thePngDecodesToTheUrlAndTheUrlLeadsToTheFacilitysPage() throws Exception {
        HomeCareFixture.Facility clinic = HomeCareFixture.clinic();
        XmlNode result = ask(clinic, request(clinic.code(), "2", "2", "0"));

        assertThat(result.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("1");
        String url = text(result, "ReceptionUrl");
        assertThat(url).startsWith(SHARED.base().toString().replaceAll("/$", "") + "/zaitaku/");
        assertThat(text(result, "UrlChanged")).isEqualTo("1");
        byte[] png = Base64.getDecoder().decode(text(result, "QrCodeFile"));
        assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(url);

        Api.Response page = Api.get(SHARED.pki().anonymousClient(), SHARED.base(), url);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("居宅テスト " + clinic.code(), "訪問診療等");

        XmlNode again = ask(clinic, request(clinic.code(), "2", "2", null));
        assertThat(text(again, "ReceptionUrl")).isEqualTo(url);
        assertThat(text(again, "UrlChanged")).isEqualTo("0");
        assertThat(text(ask(clinic, request(clinic.code(), "3", "2", "0")), "ReceptionUrl"))
                .as("オンライン診療等 has its own URL").isNotEqualTo(url);

        XmlNode changed = ask(clinic, request(clinic.code(), "2", "2", "1"));
        assertThat(text(changed, "ReceptionUrl")).isNotEqualTo(url);
        assertThat(text(changed, "UrlChanged")).isEqualTo("1");
        assertThat(Api.get(SHARED.pki().anonymousClient(), SHARED.base(), url).status())
                .as("the replaced URL").isEqualTo(404);
        assertThat(Api.get(SHARED.pki().anonymousClient(), SHARED.base(), text(changed, "ReceptionUrl")).status())
                .isEqualTo(200);
    }

    @Test
    void thePdfCarriesTheSameCode() throws Exception {
        HomeCareFixture.Facility clinic = HomeCareFixture.clinic();
        XmlNode result = ask(clinic, request(clinic.code(), "3", "1", null));
        byte[] pdf = Base64.getDecoder().decode(text(result, "QrCodeFile"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 100);
            assertThat(decode(page)).isEqualTo(text(result, "ReceptionUrl"));
        }
    }

    @Test
    void badValuesAreFileLevelErrorsAndAnotherFacilityIsForbidden() throws Exception {
        HomeCareFixture.Facility clinic = HomeCareFixture.clinic();
        assertThat(ask(clinic, request(clinic.code(), "1", "2", null)).path("MessageHeader", "ErrorCode")
                .map(XmlNode::text)).contains(ErrorCode.INVALID_URL_CLASSIFICATION.code());
        assertThat(ask(clinic, request(clinic.code(), "2", "9", null)).path("MessageHeader", "ErrorCode")
                .map(XmlNode::text)).contains(ErrorCode.INVALID_QR_FILE_FORMAT.code());
        HomeCareFixture.Facility other = HomeCareFixture.clinic();
        Api.Response foreign = Api.post(clinic.client(), SHARED.base(), "api/v1/home-care/url",
                request(other.code(), "2", "2", null));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(Api.get(SHARED.pki().anonymousClient(), SHARED.base(), "zaitaku/AAAAAAAAAAAAAAAAAAAAAA")
                .status()).as("a token nobody was given").isEqualTo(404);
    }
}
