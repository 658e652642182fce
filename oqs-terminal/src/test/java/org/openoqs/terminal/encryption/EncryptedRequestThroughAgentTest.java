package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.CLOCK;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.OTHER_PASSWORD;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.linkage.LinkageAgent;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;
import org.openoqs.terminal.requests.ErrorResultWriter;
import org.openoqs.terminal.requests.QualificationInquiryProcessor;
import org.openoqs.terminal.requests.RequestRouter;

/**
 * The whole chain on real folders: a レセコン drops an AES-256 ZIP into req, the agent hands it to the decorator,
 * the real router and inquiry processor answer it from the simulated service, and an encrypted ZIP appears in res.
 */
class EncryptedRequestThroughAgentTest {

    @TempDir
    Path root;
    LinkageAgent agent;

    @BeforeEach
    void start() throws Exception {
        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        XmlDocumentReader reader = new XmlDocumentReader();
        ErrorResultWriter results = new ErrorResultWriter(ExampleCorpus.DEMO_INSTITUTION_CODE,
                central::resultCharacterCode, CLOCK, reader);
        RequestRouter router = new RequestRouter(Map.of(RequestType.QUALIFICATION_INQUIRY,
                new QualificationInquiryProcessor(ExampleCorpus.DEMO_INSTITUTION_CODE, central, reader, results,
                        CLOCK)), results);
        EncryptingRequestProcessor encrypting = new EncryptingRequestProcessor(router,
                EncryptionConfig.parse("OQSsiquc=e\n", null), PASSWORD, results, LIMIT);
        agent = new LinkageAgent(LinkageFolders.under(root), LinkageSettings.defaults()
                .withRescanInterval(Duration.ofMillis(100)).withStableFor(Duration.ofMillis(20)), encrypting);
        agent.start();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void anEncryptedInquiryIsAnsweredEncrypted() throws Exception {
        Example example = ExampleCorpus.valid().get(0);
        drop("OQSsiquc01req_enc0001.zip", PasswordZip.seal("OQSsiquc01req_enc0001.xml", example.bytes(), PASSWORD));

        byte[] sealed = awaitResult("OQSsiquc01res_enc0001.zip");
        PasswordZip.Entry entry = PasswordZip.open(sealed, PASSWORD, LIMIT);
        assertThat(entry.name()).isEqualTo("OQSsiquc01res_enc0001.xml");
        QualificationInquiryResult result = QualificationMessages.parseResult(entry.content());
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        example.expectedValidity().ifPresent(validity ->
                assertThat(result.body().qualificationValidity().code()).isEqualTo(validity));
        assertThat(Files.exists(root.resolve("res/OQSsiquc01res_enc0001.xml"))).isFalse();
    }

    @Test
    void aWrongPasswordGetsAPlainErrorResultAndTheAgentGoesOn() throws Exception {
        Example example = ExampleCorpus.valid().get(0);
        drop("OQSsiquc01req_bad0001.zip", PasswordZip.seal("OQSsiquc01req_bad0001.xml", example.bytes(),
                OTHER_PASSWORD));
        drop("OQSsiquc01req_plain0001.xml", example.bytes());

        QualificationInquiryResult wrong = QualificationMessages.parseResult(awaitResult("OQSsiquc01res_bad0001.xml"));
        assertThat(wrong.header().errorCode()).isEqualTo("OQSF1304");
        QualificationInquiryResult plain = QualificationMessages.parseResult(
                awaitResult("OQSsiquc01res_plain0001.xml"));
        assertThat(plain.header().errorCode()).isEqualTo("OQSF1304");
        assertThat(agent.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(agent.status().failedAttempts()).isZero();
        try (var files = Files.list(root.resolve("req"))) {
            assertThat(files).isEmpty();
        }
    }

    private void drop(String name, byte[] content) throws Exception {
        Path temp = root.resolve("req/." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, root.resolve("req/" + name), StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] awaitResult(String name) throws Exception {
        Path file = root.resolve("res/" + name);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no result " + name);
            }
            Thread.sleep(10);
        }
        return Files.readAllBytes(file);
    }
}
