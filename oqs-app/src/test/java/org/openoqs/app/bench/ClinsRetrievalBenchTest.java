package org.openoqs.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.app.demo.DemoSystem;
import org.openoqs.server.clins.ClinsStore;

/**
 * The bench's CLINS retrieval figure measures what it says: the patient consents at the demo clinic's reader, and
 * every timed retrieval is answered with all 49 registered results (the bench refuses any other answer).
 */
class ClinsRetrievalBenchTest {

    @TempDir
    Path home;

    @Test
    void everyTimedRetrievalAnswersTheFortyNineResults() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            Properties props = new Properties();
            props.putAll(demo.properties());

            Samples samples = ClinsRetrievalBench.measure(props, 1, 3);

            assertThat(samples.count()).isEqualTo(3);
            assertThat(samples.medianMillis()).isPositive();
            assertThat(demo.server().bean(ClinsStore.class).bundlesOf(DemoSystem.INSTITUTION_CODE))
                    .anySatisfy(b -> assertThat(b.identifier()).isEqualTo(ClinsRetrievalBench.IDENTIFIER));
        }
    }
}
