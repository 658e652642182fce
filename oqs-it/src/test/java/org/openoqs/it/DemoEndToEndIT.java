package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;

/**
 * The real {@code oqs demo} process, driven like a レセコン drives a terminal: request files into req, results
 * out of res, answered by the central service over mutual TLS. Every corpus file goes through it.
 */
class DemoEndToEndIT {

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
        int exit = demo.stop();
        assertThat(demo.output()).contains("oqs demo: stopped");
        assertThat(exit).isIn(0, 143);
    }

    @Test
    void demoPropertiesNameEverythingAClientNeeds() {
        assertThat(demo.readyLine()).startsWith("OQS demo ready").contains(props.getProperty("web.url"));
        for (String key : List.of("web.url", "institution.code", "master.user", "master.password", "req.dir",
                "res.dir", "face.dir", "client.p12", "client.p12.password")) {
            assertThat(props.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(props.getProperty("institution.code")).isEqualTo(ExampleCorpus.DEMO_INSTITUTION_CODE);
        assertThat(Path.of(props.getProperty("req.dir"))).isDirectory();
        assertThat(Path.of(props.getProperty("face.dir"))).isDirectory();
    }

    @Test
    void aSecondDemoOnTheSameHomeIsRefusedClearly() throws Exception {
        DemoProcess.Completed second = DemoProcess.run("demo", "--home", home.toString(), "--port", "0");

        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.output()).contains("使用中").doesNotContain("Exception");
    }

    static List<Example> validAndEdge() {
        List<Example> all = new ArrayList<>(ExampleCorpus.valid());
        all.addAll(ExampleCorpus.edge());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validAndEdge")
    void everyPersonaAndEdgeCaseIsAnsweredThroughTheFolders(Example example) throws Exception {
        QualificationInquiryResult result = roundTrip(example, example.dir());

        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().medicalInstitutionCode()).isEqualTo(ExampleCorpus.DEMO_INSTITUTION_CODE);
        assertThat(result.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
        example.expectedValidity().ifPresent(validity ->
                assertThat(result.body().qualificationValidity().code()).isEqualTo(validity));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openoqs.examples.ExampleCorpus#invalid")
    void everyBadInputGetsItsErrorAndTheNextGoodRequestStillWorks(Example example) throws Exception {
        QualificationInquiryResult result = roundTrip(example, "invalid");

        if (example.expectsFileLevelError()) {
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(example.expected());
        } else {
            assertThat(result.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
            assertThat(result.body().processingResultCode()).isEqualTo(example.expected());
        }
        Example good = ExampleCorpus.valid().get(0);
        assertThat(roundTrip(good, "after-" + example.file()).header().segmentOfResult())
                .isEqualTo(SegmentOfResult.COMPLETED);
    }

    @Test
    void theTerminalApiRefusesACallerWithoutACertificate() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().sslContext(trustOnly()).build();
        HttpRequest inquiry = HttpRequest.newBuilder(URI.create(props.getProperty("api.url") + "api/v1/facility"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = anonymous.send(inquiry, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(401, 403);
            assertThat(response.body()).contains("errorCode");
        } catch (IOException refusedAtHandshake) {
            // also acceptable: the TLS layer refused
        }
    }

    @Test
    void anotherFacilitysCertificateCannotAskForThisFacility() throws Exception {
        Path caDir = home.resolve("ca");
        Properties secrets = new Properties();
        try (var reader = Files.newBufferedReader(home.resolve("secrets.properties"))) {
            secrets.load(reader);
        }
        CertificateAuthority ca = CertificateAuthority.initOrLoad(caDir, "unused",
                secrets.getProperty("ca.password").toCharArray());
        IssuedCredential other = ca.issueFacilityCertificate(ExampleCorpus.OTHER_INSTITUTION_CODE, "他院（試験）");
        SSLContext tls = TrustStores.clientContext(other.toKeyStore("other", "pw".toCharArray()), "pw".toCharArray(),
                TrustStores.trustStoreOf(ca.caCertificate()));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        String body = new String(ExampleCorpus.valid().get(0).bytes(), StandardCharsets.UTF_8);
        String json = org.openoqs.core.xml.JsonMirror.toJson(new org.openoqs.core.xml.XmlDocumentReader()
                .read(body.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(props.getProperty("api.url") + "api/v1/qualifications/inquiry"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());

        // either the facility is unknown to the service, or it is known and may not ask for another one
        assertThat(response.statusCode()).isIn(401, 403);
        assertThat(response.body()).containsAnyOf("OQSF1204", "OQSF9002");
    }

    @Test
    void aCertificateFromAForeignCaIsRefused(@TempDir Path foreign) throws Exception {
        CertificateAuthority strangers = CertificateAuthority.initOrLoad(foreign, "Foreign CA", "pw".toCharArray());
        IssuedCredential impostor = strangers.issueFacilityCertificate(ExampleCorpus.DEMO_INSTITUTION_CODE, "偽装");
        SSLContext tls = TrustStores.clientContext(impostor.toKeyStore("x", "pw".toCharArray()), "pw".toCharArray(),
                TrustStores.trustStoreOf(caCertificate(home.resolve("ca").resolve("ca.pem"))));
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();

        // A client that insists on the foreign certificate is refused by TLS itself; the JDK client does not even
        // offer a certificate the service's CA list does not name, and is then refused for having none.
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(props.getProperty("api.url") + "api/v1/facility")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(401, 403);
            assertThat(response.body()).contains("OQSF9002").doesNotContain(DemoSystemFacts.FACILITY_NAME);
        } catch (IOException refusedAtHandshake) {
            // refused by TLS
        }
    }

    private static QualificationInquiryResult roundTrip(Example example, String tag) throws Exception {
        String id = (tag + "-" + example.file()).replaceAll("[^A-Za-z0-9_-]", "_");
        Folders.drop(demo.req(), "OQSsiquc01req_" + id + ".xml", example.bytes());
        byte[] bytes = Folders.awaitFile(demo.res().resolve("OQSsiquc01res_" + id + ".xml"), Duration.ofSeconds(20));
        return QualificationMessages.parseResult(bytes);
    }

    private static SSLContext trustOnly() throws Exception {
        var ca = caCertificate(home.resolve("ca").resolve("ca.pem"));
        var tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(TrustStores.trustStoreOf(ca));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static java.security.cert.X509Certificate caCertificate(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
    }
}
