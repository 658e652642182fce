package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.testsupport.TestPki;

/**
 * The listener's key store is read on a thread of its own while the service starts (ListenerTlsStores); a store that
 * cannot be read still stops the start, with the file and the reason named — never a service that runs without TLS
 * or a start that hangs.
 */
class ListenerKeyStoreRefusalsTest {

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(dir.resolve("pki"));
    }

    @Test
    void aWrongPasswordStopsTheStartNamingTheFile() {
        Path store = dir.resolve("pki").resolve("server.p12");
        ServerConfig config = pki.serverConfig(dir.resolve("wrong-password"))
                .serverKeyStore(store, "not-the-password".toCharArray()).build();

        assertThatThrownBy(() -> CentralServer.start(config))
                .hasStackTraceContaining("cannot read the server key store " + store);
    }

    @Test
    void aMissingStoreStopsTheStartNamingTheFile() {
        Path store = dir.resolve("nowhere").resolve("server.p12");
        ServerConfig config = pki.serverConfig(dir.resolve("missing"))
                .serverKeyStore(store, TestPki.PASSWORD).build();

        assertThatThrownBy(() -> CentralServer.start(config))
                .hasStackTraceContaining("cannot read the server key store " + store);
    }

    @Test
    void aStoreWithoutAPrivateKeyStopsTheStart() {
        ServerConfig config = pki.serverConfig(dir.resolve("no-key"))
                .serverKeyStore(pki.trustStore(), TestPki.PASSWORD).build();

        assertThatThrownBy(() -> CentralServer.start(config))
                .hasStackTraceContaining("holds no private key");
    }
}
