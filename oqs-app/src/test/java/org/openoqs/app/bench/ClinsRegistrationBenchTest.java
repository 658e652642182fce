package org.openoqs.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.server.clins.ClinsStore;

/**
 * The bench's CLINS figure measures what it says: a 50-entry Bundle the demo accepts, registered again and again
 * over mutual TLS, leaving exactly one Bundle of 49 results stored.
 */
class ClinsRegistrationBenchTest {

    @TempDir
    Path home;

    @Test
    void aFiftyEntryBundleIsRegisteredAndReplacedOnTheDemo() throws Exception {
        assertThat(ClinsRegistrationBench.entryCount(ClinsRegistrationBench.bundle(50))).isEqualTo(50);
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            Properties props = new Properties();
            props.putAll(demo.properties());

            Samples samples = ClinsRegistrationBench.measure(props, 1, 3);

            assertThat(samples.count()).isEqualTo(3);
            assertThat(samples.medianMillis()).isPositive();
            assertThat(demo.server().bean(ClinsStore.class).bundlesOf(DemoSystem.INSTITUTION_CODE))
                    .singleElement().satisfies(b -> {
                        assertThat(b.identifier()).isEqualTo(ClinsRegistrationBench.IDENTIFIER);
                        assertThat(b.entryCount()).isEqualTo(49);
                    });
        }
    }
}
