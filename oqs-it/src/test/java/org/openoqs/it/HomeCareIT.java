package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.homecare.HomeCareResults;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;
import org.openoqs.pki.TrustStores;

/**
 * 居宅同意取得型 through the real {@code oqs demo} process: a re-inquiry before any consent is refused
 * ({@code OQSP4201}); after {@code oqs reader confirm --care home-visit / online} every example of the corpus gets its
 * stated answer through the folders (UTF-8 and Shift_JIS); after the facility cancels over its mutual-TLS API the
 * re-inquiry answers the cancellation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeCareIT {

    @TempDir
    static Path home;
    static DemoProcess demo;
    static Properties props;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoProcess.start(home);
        props = demo.properties();
    }

    @AfterAll
    static void stopDemo() throws Exception {
        demo.stop();
    }

    private static Example example(String file) {
        return ExampleCorpus.homeCare().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    private static byte[] roundTrip(Example example, String tag) throws Exception {
        String id = tag + "-" + example.file().replace(".xml", "");
        Folders.drop(demo.req(), example.kind() + "_" + id + ".xml", example.bytes());
        return Folders.awaitFile(demo.res().resolve(example.kind().replace("req", "res") + "_" + id + ".xml"),
                Duration.ofSeconds(20));
    }

    private static DemoProcess.Completed confirm(String care, String consents) throws Exception {
        return DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card", "P000000000000001",
                "--method", "face", "--consent", consents, "--care", care);
    }

    @Test
    @Order(1)
    void withoutAPriorConsentTheReinquiryIsRefused() throws Exception {
        QualificationInquiryResult result = QualificationMessages.parseResult(
                roundTrip(example("sihvq-shaho-honnin.xml"), "before"));
        assertThat(result.body().processingResultCode()).isEqualTo("OQSP4201");
        assertThat(result.body().results()).isEmpty();
    }

    @Test
    @Order(2)
    void afterTheCardConsentEveryExampleGetsItsAnswer() throws Exception {
        // the newest 薬剤情報 consent is the one given for 訪問診療等 (the online confirmation gives only 限度額)
        assertThat(confirm("online", "limit").exitCode()).isZero();
        assertThat(confirm("home-visit", "drug,limit").exitCode()).isZero();
        for (Example example : ExampleCorpus.homeCare()) {
            byte[] bytes = roundTrip(example, "consented");
            QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
            if (example.expectedValidity().isPresent()) {
                assertThat(result.body().qualificationValidity().code()).as(example.file())
                        .isEqualTo(example.expectedValidity().get());
                HomeCareResults.Block block = HomeCareResults.read(new XmlDocumentReader().read(bytes)).orElseThrow();
                assertThat(block.consFlg()).as(example.file()).isEqualTo("1");
                assertThat(block.medicalTreatmentFlag()).isEqualTo(example.kind().startsWith("OQSsihvq") ? "2" : "3");
                assertThat(result.body().results().get(0).pharmacistsInfo().flag().code()).isEqualTo("1");
            } else if (example.expectsFileLevelError()) {
                assertThat(result.header().errorCode()).as(example.file()).isEqualTo(example.expected());
            } else {
                assertThat(result.body().processingResultCode()).as(example.file()).isEqualTo(example.expected());
            }
        }
    }

    @Test
    @Order(3)
    void afterTheFacilityCancelsTheReinquiryAnswersTheCancellation() throws Exception {
        Example example = example("sihvq-shaho-honnin.xml");
        String json = JsonMirror.toJson(new XmlDocumentReader().read(example.bytes()));
        HttpResponse<String> cancelled = facilityClient().send(HttpRequest.newBuilder(
                        URI.create(props.getProperty("api.url") + "api/v1/home-care/home-visit/cancellations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body()).contains("\"reason\":\"1\"");

        byte[] bytes = roundTrip(example, "cancelled");
        HomeCareResults.Block block = HomeCareResults.read(new XmlDocumentReader().read(bytes)).orElseThrow();
        assertThat(block.consFlg()).isEqualTo("2");
        assertThat(block.expirationReason()).isEqualTo("1");
        assertThat(block.cancellationTime()).isNotBlank();
        assertThat(QualificationMessages.parseResult(bytes).body().results().get(0).pharmacistsInfo().flag().code())
                .as("the 薬剤情報 consent given for 訪問診療等 ended with it").isEqualTo("2");

        byte[] online = roundTrip(example("sionq-shaho-honnin-shift-jis.xml"), "cancelled");
        assertThat(HomeCareResults.read(new XmlDocumentReader().read(online)).orElseThrow().consFlg())
                .as("the オンライン診療等 consent is another consent").isEqualTo("1");
    }

    @Test
    @Order(4)
    void theUrlRequestReturnsAQrCodeThatDecodesToAUrlTheDemoServes() throws Exception {
        for (Example example : ExampleCorpus.homeCareUrl()) {
            String id = "url-" + example.file().replace(".xml", "");
            Folders.drop(demo.req(), "OQSsiurl01req_" + id + ".xml", example.bytes());
            byte[] bytes = Folders.awaitFile(demo.res().resolve("OQSsiurl01res_" + id + ".xml"), Duration.ofSeconds(20));
            var result = new XmlDocumentReader().read(bytes);
            if (!example.expected().startsWith("url:")) {
                assertThat(result.path("MessageHeader", "ErrorCode").map(n -> n.text())).as(example.file())
                        .contains(example.expected());
                continue;
            }
            String url = result.path("MessageBody", "ReceptionUrl").orElseThrow().text();
            byte[] file = java.util.Base64.getDecoder().decode(result.path("MessageBody", "QrCodeFile").orElseThrow().text());
            java.awt.image.BufferedImage image;
            if (example.expected().split(":")[2].equals("2")) {
                image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file));
            } else {
                try (var pdf = org.apache.pdfbox.Loader.loadPDF(file)) {
                    image = new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 100);
                }
            }
            String decoded = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)))).getText();
            assertThat(decoded).as(example.file()).isEqualTo(url);
            // a phone has no facility certificate: the page is reachable with the CA's trust alone
            HttpResponse<String> page = anonymousClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(url).isEqualTo(200);
            assertThat(page.body()).contains("マイナ在宅受付Web", example.expected().startsWith("url:2") ? "訪問診療等" : "オンライン診療等");
        }
    }

    private static HttpClient anonymousClient() throws Exception {
        java.security.cert.X509Certificate ca;
        try (var in = Files.newInputStream(home.resolve("ca").resolve("ca.pem"))) {
            ca = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TrustStores.trustStoreOf(ca));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpClient facilityClient() throws Exception {
        char[] password = props.getProperty("client.p12.password").toCharArray();
        java.security.cert.X509Certificate ca;
        try (var in = Files.newInputStream(home.resolve("ca").resolve("ca.pem"))) {
            ca = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
        SSLContext tls = TrustStores.clientContext(TrustStores.loadPkcs12(Path.of(props.getProperty("client.p12")),
                password), password, TrustStores.trustStoreOf(ca));
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
