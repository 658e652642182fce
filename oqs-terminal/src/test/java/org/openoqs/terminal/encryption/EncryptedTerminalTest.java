package org.openoqs.terminal.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.CLOCK;
import static org.openoqs.terminal.encryption.EncryptionTestSupport.LIMIT;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/** The assembled terminal: encrypt.conf and OQS_CRYPT_PASS from its home switch the exchange to AES-256 ZIP. */
class EncryptedTerminalTest {

    static final String CRYPT = "Demo2026Pass";

    @TempDir
    Path root;

    @Test
    void encryptConfInTheHomeEncryptsTheInquiryExchange() throws Exception {
        Path home = root.resolve("terminal");
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R00113810014", "login-pw");
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, ExampleCorpus.DEMO_INSTITUTION_CODE);
        store.set(CredentialKey.OQS_CRYPT_PASS, null, CRYPT);
        EncryptionConfig.writeDefaultsIfAbsent(EncryptionConfig.configDirectory(home));
        Path conf = EncryptionConfig.configDirectory(home).resolve(EncryptionConfig.REQUEST_FILE);
        Files.writeString(conf, Files.readString(conf).replace("OQSsiquc=n", "OQSsiquc=e"));

        SimulatedCentralService central = new SimulatedCentralService(ExampleCorpus.DEMO_INSTITUTION_CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        LinkageFolders folders = new LinkageFolders(root.resolve("OQS/req"), root.resolve("OQS/res"),
                home.resolve("work"));
        try (FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(null,
                URI.create("https://unused.invalid/"), null, null, null, null, folders,
                LinkageSettings.defaults().withRescanInterval(Duration.ofMillis(100)), null, null, CLOCK, home,
                root.resolve("OQS/face"), null), CentralServicePorts.of(central))) {
            byte[] request = ExampleCorpus.valid().get(0).bytes();
            Path temp = folders.req().resolve(".drop.tmp");
            Files.write(temp, PasswordZip.seal("OQSsiquc01req_T1.xml", request, CRYPT.toCharArray()));
            Files.move(temp, folders.req().resolve("OQSsiquc01req_T1.zip"), StandardCopyOption.ATOMIC_MOVE);

            Path result = folders.res().resolve("OQSsiquc01res_T1.zip");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(result) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            PasswordZip.Entry entry = PasswordZip.open(Files.readAllBytes(result), CRYPT.toCharArray(), LIMIT);
            QualificationInquiryResult parsed = QualificationMessages.parseResult(entry.content());
            assertThat(parsed.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
            assertThat(terminal.faceResultEncryption().encrypts("face")).isFalse();
        }
    }
}
