package org.openoqs.terminal.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class LinkageConfigurationTest {

    @Test
    void defaultsFollowTheRealTerminal() {
        LinkageSettings defaults = LinkageSettings.defaults();
        assertThat(defaults.maxConcurrent()).isEqualTo(20);
        assertThat(defaults.rescanInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.maxRequestBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(defaults.watchFolder()).isTrue();
    }

    @Test
    void retryDelaysDoubleUpToTheMaximum() {
        LinkageSettings settings = LinkageSettings.defaults()
                .withRetryDelays(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(settings.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.retryDelay(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retryDelay(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void foldersMustBeSeparate() {
        Path root = Path.of("/oqs");
        assertThatThrownBy(() -> new LinkageFolders(root.resolve("req"), root.resolve("req"), root.resolve("work")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkageFolders(root.resolve("req"), root.resolve("res"), root.resolve("req/w")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultNamesMustBePlainVisibleFileNames() {
        assertThatThrownBy(() -> new ProcessedResult("../OQSsiquc01res_1.xml", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessedResult(".OQSsiquc01res_1.xml", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ProcessedResult("OQSsiquc01res_1.pdf", new byte[0]).resultFileName())
                .isEqualTo("OQSsiquc01res_1.pdf");
    }
}
