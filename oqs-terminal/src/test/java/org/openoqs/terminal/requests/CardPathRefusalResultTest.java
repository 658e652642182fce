package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.central.CardPathRefusedException;
import org.openoqs.terminal.central.CardPathService;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * A card-path request the service refuses is answered with a file-level error result: the service's own code when it
 * is a file-level one, the general refusal ({@code OQSF…} CENTRAL_SERVICE_REJECTED) when the service named a
 * person-level code, which cannot head a file — for 照会番号 registration and the マイナ在宅受付Web URL alike.
 */
class CardPathRefusalResultTest {

    @TempDir
    Path root;
    private TerminalHarness harness;

    @AfterEach
    void stop() {
        harness.close();
    }

    private void start(ErrorCode refusal) throws Exception {
        harness = new TerminalHarness(root, LinkageSettings.defaults()
                .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200)), new RefusingCardPath(refusal));
    }

    @Test
    void aPersonLevelRefusalOfARegistrationIsTheGeneralRefusal() throws Exception {
        start(ErrorCode.REFERENCE_NUMBER_PERSON_NOT_FOUND);
        XmlNode result = answer("OQSsiimm01req_000000000001.xml", registration());
        assertThat(text(result, "SegmentOfResult")).isEqualTo("9");
        assertThat(text(result, "ErrorCode")).isEqualTo(ErrorCode.CENTRAL_SERVICE_REJECTED.code());
        assertThat(text(result, "ArbitraryFileIdentifier")).isEqualTo("ref-1");
    }

    @Test
    void aFileLevelRefusalOfAUrlRequestKeepsTheServicesCode() throws Exception {
        start(ErrorCode.INSTITUTION_MISMATCH);
        byte[] accepted = ExampleCorpus.homeCareUrl().stream().filter(e -> e.expected().startsWith("url:"))
                .findFirst().orElseThrow().bytes();
        XmlNode result = answer("OQSsiurl01req_000000000002.xml", accepted);
        assertThat(text(result, "SegmentOfResult")).isEqualTo("9");
        assertThat(text(result, "ErrorCode")).isEqualTo(ErrorCode.INSTITUTION_MISMATCH.code());
    }

    private XmlNode answer(String name, byte[] request) throws Exception {
        harness.drop(name, request);
        return new XmlDocumentReader().read(harness.awaitResult(name.replace("req_", "res_"), Duration.ofSeconds(10)));
    }

    private static String text(XmlNode result, String element) {
        return result.path("MessageHeader", element).map(XmlNode::text).orElse(null);
    }

    private static byte[] registration() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + ExampleCorpus.DEMO_INSTITUTION_CODE + "</MedicalInstitutionCode><ArbitraryFileIdentifier>ref-1"
                + "</ArbitraryFileIdentifier></MessageHeader><MessageBody/></XmlMsg>").getBytes(StandardCharsets.UTF_8);
    }

    /** A service that refuses registrations and URL requests with one code. */
    private record RefusingCardPath(ErrorCode code) implements CardPathService {

        @Override
        public XmlNode registerReferenceNumber(XmlNode request) {
            throw new CardPathRefusedException(code, code.message());
        }

        @Override
        public XmlNode homeCareUrl(XmlNode request) {
            throw new CardPathRefusedException(code, code.message());
        }

        @Override
        public Challenge challenge(String cardId, CredentialKind kind) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QualificationInquiryResult confirm(String cardId, Confirmation confirmation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reportPinLocked(String cardId, CredentialKind kind, String challengeId, String signature) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void identifyForEmergency(String cardId, String challengeId, String requestCode, String certificatePem,
                String signatureBase64) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MedicalAnswer medicalInformation(MedicalInformationKind kind, XmlNode request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public XmlNode homeCareInquiry(MedicalTreatmentFlag treatment, XmlNode request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> facilityOptIns() {
            return Set.of();
        }
    }
}
