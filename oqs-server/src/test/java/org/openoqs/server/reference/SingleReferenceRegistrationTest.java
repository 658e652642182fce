package org.openoqs.server.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openoqs.core.codec.ReferenceNumberMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.testsupport.SharedServer;

/**
 * 照会番号 単件登録 ({@code OQSsiimm}) over mutual TLS, end to end through the service: a number is registered for the
 * one person the keys name, refused for a second person, and a file of another facility or no message at all is
 * refused as a whole with its error code.
 */
class SingleReferenceRegistrationTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private String code;
    private HttpClient client;

    @BeforeEach
    void facilityOfItsOwn() {
        code = CheckDigit.complete("27166" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(code, "照会番号テスト " + code);
        client = SHARED.pki().client(SHARED.pki().issueFacility(code));
    }

    @Test
    void aNumberIsRegisteredForThePersonAndThenRefusedForAnother() throws Exception {
        XmlNode first = register(request(code, "ref-1", block("R-0001", keys("shaho-honnin"))));

        assertThat(first.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("1");
        assertThat(first.path("MessageHeader", "MedicalInstitutionCode").map(XmlNode::text)).contains(code);
        assertThat(first.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text)).contains("ref-1");
        assertThat(first.path("MessageBody", "ProcessingResultStatus").map(XmlNode::text)).contains("1");

        XmlNode block = block("R-0001", keys("kokuho"));
        XmlNode second = register(request(code, "ref-2", block));

        assertThat(second.path("MessageBody", "ProcessingResultStatus").map(XmlNode::text)).contains("2");
        assertThat(second.path("MessageBody", "ProcessingResultCode").map(XmlNode::text))
                .contains(ErrorCode.REFERENCE_NUMBER_IN_USE.code());
        assertThat(second.path("MessageBody", "ReferenceNumberRegistrationInfo")).contains(block);
    }

    @Test
    void aBadBlockIsAnsweredWithItsFaultAndEchoed() throws Exception {
        XmlNode block = block("R".repeat(51), keys("shaho-honnin"));

        XmlNode result = register(request(code, "ref-3", block));

        assertThat(result.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("1");
        assertThat(result.path("MessageBody", "ProcessingResultCode").map(XmlNode::text))
                .contains(ErrorCode.REFERENCE_NUMBER_TOO_LONG.code());
        assertThat(result.path("MessageBody", "ReferenceNumberRegistrationInfo")).contains(block);
    }

    @Test
    void aFileOfAnotherFacilityIsRefusedAsAWhole() throws Exception {
        XmlNode result = register(request(SharedServer.DEMO_CODE, "ref-4", block("R-0009", keys("shaho-honnin"))));

        assertThat(result.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("9");
        assertThat(result.path("MessageHeader", "ErrorCode").map(XmlNode::text))
                .contains(ErrorCode.INSTITUTION_MISMATCH.code());
        assertThat(result.path("MessageHeader", "MedicalInstitutionCode").map(XmlNode::text)).contains(code);
        assertThat(result.child("MessageBody").orElseThrow().children()).isEmpty();
    }

    @Test
    void aDocumentThatIsNoMessageIsRefusedWithoutEcho() throws Exception {
        XmlNode result = register(XmlNode.element("Other", XmlNode.leaf("ArbitraryFileIdentifier", "x")));

        assertThat(result.path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains(ErrorCode.WRONG_ROOT.code());
        assertThat(result.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text)).isEmpty();
    }

    private XmlNode register(XmlNode request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(SHARED.base().resolve("/api/v1/reference-numbers"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonMirror.toJsonBytes(request))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMirror.fromJson(response.body());
    }

    private static XmlNode request(String institutionCode, String fileId, XmlNode block) {
        return XmlNode.element("XmlMsg",
                XmlNode.builder("MessageHeader").leaf("MedicalInstitutionCode", institutionCode)
                        .leaf("ArbitraryFileIdentifier", fileId).build(),
                XmlNode.element("MessageBody", block));
    }

    private static XmlNode block(String referenceNumber, QualificationConfirmSearchInfo keys) {
        return new ReferenceNumberMessages.RegistrationInfo(referenceNumber, keys.insurerNumber(),
                keys.insuredCardSymbol(), keys.insuredIdentificationNumber(), keys.insuredBranchNumber()).toXml();
    }

    private static QualificationConfirmSearchInfo keys(String persona) {
        return Personas.byKey(persona).orElseThrow().inquiry();
    }
}
