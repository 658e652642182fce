package org.openoqs.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo under test maps the class-data archive the bench itself was started with, and nothing else of its options. */
class DemoUnderTestClassDataTest {

    @Test
    void theArchiveOptionsOfEitherKindArePassedOn() {
        assertThat(DemoUnderTest.classDataOptions(List.of("-Xmx2g", "-XX:SharedArchiveFile=/a/x.jsa", "-Dfoo=1")))
                .containsExactly("-XX:SharedArchiveFile=/a/x.jsa");
        assertThat(DemoUnderTest.classDataOptions(List.of("-XX:AOTCache=/a/x.aot", "-XX:+UseSerialGC")))
                .containsExactly("-XX:AOTCache=/a/x.aot");
    }

    @Test
    void withoutAnArchiveThereIsNothingToPassOn() {
        assertThat(DemoUnderTest.classDataOptions(List.of("-Xmx2g", "-XX:ArchiveClassesAtExit=/a/x.jsa"))).isEmpty();
    }
}
