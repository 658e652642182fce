package org.openoqs.terminal.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.homecare.HomeCareResults;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.homecare.HomeCareConsent;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.central.CardPathService;

/**
 * Every 居宅同意取得型 example, dropped into a real req folder under its prefix ({@code OQSsihvq01req_} /
 * {@code OQSsionq01req_}): broken files are answered by the terminal itself with their code and never reach the
 * service; well-formed ones reach it unchanged under the right care setting, and its answer (here a simulated service
 * over the personas in which only shaho-honnin consented) is written in the facility's encoding.
 */
class HomeCareRequestsThroughFoldersTest {

    /** A service over the personas: shaho-honnin consented to both settings; everyone else is OQSP4201. */
    static final class SimulatedHomeCareService implements CardPathService {
        final List<MedicalTreatmentFlag> asked = new CopyOnWriteArrayList<>();
        private final InMemoryQualificationRegistry registry =
                new InMemoryQualificationRegistry(SyntheticPopulation.personas());

        @Override
        public java.util.Set<String> facilityOptIns() {
            return java.util.Set.of();
        }

        @Override
        public XmlNode homeCareInquiry(MedicalTreatmentFlag treatment, XmlNode request) {
            asked.add(treatment);
            QualificationInquiryRequest r = QualificationMessages.readRequest(request);
            LocalDateTime now = LocalDateTime.now(TerminalHarness.CLOCK);
            QualificationResultBody body = new EligibilityService(registry).answerWithReferenceNumbers(r.searchInfo(),
                    LocalDate.of(2026, 4, 1), true, id -> null, now);
            ResultHeader header = new ResultHeader(now, LocalDate.of(2026, 4, 1), ExampleCorpus.DEMO_INSTITUTION_CODE,
                    r.header().arbitraryFileIdentifier(), ReferenceClassification.INSURANCE_CARD_NUMBERS,
                    SegmentOfResult.COMPLETED, null, null, CharacterCode.SHIFT_JIS);
            boolean consented = "shaho-honnin".equals(r.searchInfo().arbitraryIdentifier());
            if (!consented) {
                return QualificationMessages.resultToXml(org.openoqs.core.codec.ErrorResults.personLevelError(
                        r.header(), r.searchInfo(), new org.openoqs.core.error.Violation(
                                org.openoqs.core.error.ErrorCode.HOME_CARE_CONSENT_MISSING, null, null),
                        now, CharacterCode.SHIFT_JIS));
            }
            HomeCareConsent consent = new HomeCareConsent(ExampleCorpus.DEMO_INSTITUTION_CODE, "P000000001", treatment,
                    now.minusDays(1), now.plusDays(364), null, null);
            return HomeCareResults.toXml(new QualificationInquiryResult(header, body), consent, now);
        }

        // the rest of the card path is not what this test is about
        @Override public Challenge challenge(String c, org.openoqs.core.card.CredentialKind k) { throw new UnsupportedOperationException(); }
        @Override public QualificationInquiryResult confirm(String c, Confirmation x) { throw new UnsupportedOperationException(); }
        @Override public void reportPinLocked(String c, org.openoqs.core.card.CredentialKind k, String id, String sig) { throw new UnsupportedOperationException(); }
        @Override public XmlNode registerReferenceNumber(XmlNode r) { throw new UnsupportedOperationException(); }
        @Override public void identifyForEmergency(String c, String id, String code, String cert, String sig) {
            throw new UnsupportedOperationException();
        }
        final List<XmlNode> urlRequests = new CopyOnWriteArrayList<>();

        /** Answers like the service: a URL of this facility, the QR "file" standing in as the URL's bytes. */
        @Override public XmlNode homeCareUrl(XmlNode r) {
            urlRequests.add(r);
            org.openoqs.core.homecare.UrlRequest q = org.openoqs.core.homecare.UrlRequest
                    .check(r, ExampleCorpus.DEMO_INSTITUTION_CODE).request();
            String url = "https://oqs.invalid/zaitaku/" + q.treatment().code();
            LocalDateTime now = LocalDateTime.now(TerminalHarness.CLOCK);
            return org.openoqs.core.codec.homecare.UrlResults.toXml(ExampleCorpus.DEMO_INSTITUTION_CODE,
                    q.header().arbitraryFileIdentifier(), new org.openoqs.core.codec.homecare.UrlResults.IssuedUrl(
                            q.treatment(), url, now, q.regenerate(), q.format(),
                            url.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), now, CharacterCode.SHIFT_JIS);
        }
        @Override public MedicalAnswer medicalInformation(org.openoqs.core.medical.MedicalInformationKind k, XmlNode r) { throw new UnsupportedOperationException(); }
    }

    @TempDir
    static Path root;
    static TerminalHarness harness;
    static SimulatedHomeCareService service = new SimulatedHomeCareService();

    @BeforeAll
    static void start() throws Exception {
        harness = new TerminalHarness(root, LinkageSettings.defaults()
                .withRetryDelays(Duration.ofMillis(50), Duration.ofMillis(200)), service);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openoqs.examples.ExampleCorpus#homeCare")
    void eachExampleGetsItsAnswer(Example example) throws Exception {
        String id = example.file().replace(".xml", "");
        int askedBefore = service.asked.size();
        harness.drop(example.kind() + "_" + id + ".xml", example.bytes());

        byte[] bytes = harness.awaitResult(example.kind().replace("req", "res") + "_" + id + ".xml", Duration.ofSeconds(10));
        QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
        boolean reachesService = !example.expectsError() || example.expected().equals(ExampleCorpus.SERVICE_DECIDED_CODE);

        assertThat(service.asked.size() - askedBefore).as("asked the service").isEqualTo(reachesService ? 1 : 0);
        if (reachesService) {
            assertThat(service.asked.get(service.asked.size() - 1)).isEqualTo(
                    example.kind().startsWith("OQSsihvq") ? MedicalTreatmentFlag.HOME_VISIT : MedicalTreatmentFlag.ONLINE);
        }
        if (example.expectedValidity().isPresent()) {
            assertThat(result.body().qualificationValidity().code()).isEqualTo(example.expectedValidity().get());
            assertThat(new String(bytes, 0, 60, java.nio.charset.StandardCharsets.US_ASCII)).contains("Shift_JIS");
            assertThat(HomeCareResults.read(new XmlDocumentReader().read(bytes)).orElseThrow().consFlg()).isEqualTo("1");
        } else if (example.expectsFileLevelError()) {
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
            assertThat(result.header().errorCode()).isEqualTo(example.expected());
        } else {
            assertThat(result.body().processingResultCode()).isEqualTo(example.expected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.openoqs.examples.ExampleCorpus#homeCareUrl")
    void eachUrlExampleGetsItsAnswer(Example example) throws Exception {
        String id = example.file().replace(".xml", "");
        int before = service.urlRequests.size();
        harness.drop("OQSsiurl01req_" + id + ".xml", example.bytes());

        byte[] bytes = harness.awaitResult("OQSsiurl01res_" + id + ".xml", Duration.ofSeconds(10));
        XmlNode result = new XmlDocumentReader().read(bytes);
        if (example.expected().startsWith("url:")) {
            assertThat(service.urlRequests.size() - before).isEqualTo(1);
            String kind = example.expected().split(":")[1];
            assertThat(result.path("MessageBody", "ReceptionUrl").map(XmlNode::text))
                    .contains("https://oqs.invalid/zaitaku/" + kind);
        } else {
            assertThat(service.urlRequests.size() - before).as("refused by the terminal itself").isZero();
            assertThat(result.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("9");
            assertThat(result.path("MessageHeader", "ErrorCode").map(XmlNode::text)).contains(example.expected());
        }
    }
}
