package org.openoqs.terminal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.central.CentralServicePorts;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.central.SimulatedCentralService;
import org.openoqs.terminal.encryption.EncryptionConfigException;
import org.openoqs.terminal.linkage.LinkageFolders;

/** A terminal with a home starts only with complete, valid credentials; its code comes from the store. */
class TerminalStartRequiresCredentialsTest {

    static final String CODE = "0113810014";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T00:30:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path root;

    @Test
    void aMissingEntryStopsTheTerminalBeforeTheAgentRuns() {
        Path home = root.resolve("terminal");
        CredentialStore.open(home).set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, "OQS_Admin", CODE);

        assertThatThrownBy(() -> start(home, null))
                .isInstanceOf(CredentialMissingException.class)
                .hasMessageContaining("OQS_LOGIN_KEY");
        assertThat(root.resolve("OQS/req")).as("the agent never started").doesNotExist();
    }

    @Test
    void anEncryptedPrefixMakesTheCryptPassRequired() throws Exception {
        Path home = healthyHome();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/encrypt.conf"), "OQSsiquc=e\n");

        assertThatThrownBy(() -> start(home, CODE))
                .isInstanceOf(CredentialMissingException.class)
                .hasMessageContaining("OQS_CRYPT_PASS");
    }

    @Test
    void aMalformedEncryptConfStopsTheTerminal() throws Exception {
        Path home = healthyHome();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/encrypt.conf"), "OQSsiquc=yes\n");

        assertThatThrownBy(() -> start(home, CODE)).isInstanceOf(EncryptionConfigException.class);
    }

    @Test
    void aConfiguredCodeOtherThanTheStoredOneIsRefused() {
        Path home = healthyHome();
        assertThatThrownBy(() -> start(home, "1313810010"))
                .isInstanceOf(CredentialInvalidException.class)
                .hasMessageContaining("一致しません");
    }

    @Test
    void aHealthyHomeStartsAndTheCodeComesFromTheStore() throws Exception {
        try (FacilityTerminal terminal = start(healthyHome(), null)) {
            assertThat(terminal.institutionCode()).isEqualTo(CODE);
            assertThat(terminal.leftoverFileCleaner().status()).isEmpty();
        }
    }

    private Path healthyHome() {
        Path home = root.resolve("terminal");
        CredentialStore store = CredentialStore.open(home);
        store.set(CredentialKey.OQS_LOGIN_KEY, "R0" + CODE, "login-pw");
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, "OQS_Admin", CODE);
        return home;
    }

    private FacilityTerminal start(Path home, String configuredCode) throws Exception {
        SimulatedCentralService central = new SimulatedCentralService(CODE,
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()), CLOCK);
        return FacilityTerminal.start(new TerminalConfig(configuredCode, URI.create("https://unused.invalid/"),
                null, null, null, null, new LinkageFolders(root.resolve("OQS/req"), root.resolve("OQS/res"),
                        home.resolve("work")), null, null, null, CLOCK, home, root.resolve("OQS/face"), null),
                CentralServicePorts.of(central));
    }
}
