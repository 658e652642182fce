package org.openoqs.server;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.server.testsupport.TestPki;

class StartupScratchTest {
    @Test
    void time(@TempDir Path dir) {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            try (CentralServer s = CentralServer.start(pki.serverConfig(dir.resolve("home" + i)).build())) {
                System.out.println("SCRATCH start " + i + " " + (System.nanoTime() - t) / 1_000_000 + " ms");
            }
        }
    }
}
