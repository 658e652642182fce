package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.PackageVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roll-back returns to the previous version kept beside the current one, and can itself be undone. */
class RollBackTest {
    @TempDir
    Path tmp;

    @Test
    void rollBackRestoresThePreviousVersionAndRollForwardTheNewOne() throws Exception {
        DistributionHome home = DistributionHome.of(tmp.resolve("terminal"));
        InstalledComponents components = new InstalledComponents(home, Clock.systemUTC());
        for (String v : new String[] {"1.0.0", "1.1.0", "1.2.0"}) {
            components.installSideBySide("oqs-terminal", PackageVersion.of(v), Packages.zip(tmp, "oqs-terminal", v));
            components.switchTo("oqs-terminal", PackageVersion.of(v));
        }
        assertThat(Files.exists(home.component("oqs-terminal").resolve("1.0.0"))).as("older than previous: removed").isFalse();

        var rolledBack = components.rollBack("oqs-terminal");

        assertThat(rolledBack.current().text()).isEqualTo("1.1.0");
        assertThat(Files.readString(rolledBack.directory().resolve("VERSION"))).isEqualTo("1.1.0");
        assertThat(rolledBack.previous()).map(PackageVersion::text).contains("1.2.0");
        assertThat(components.rollBack("oqs-terminal").current().text()).as("roll forward").isEqualTo("1.2.0");
    }

    @Test
    void nothingToRollBackToIsAClearError() throws Exception {
        DistributionHome home = DistributionHome.of(tmp.resolve("terminal"));
        InstalledComponents components = new InstalledComponents(home, Clock.systemUTC());
        components.installSideBySide("oqs-terminal", PackageVersion.of("1.0.0"), Packages.zip(tmp, "oqs-terminal", "1.0.0"));
        components.switchTo("oqs-terminal", PackageVersion.of("1.0.0"));

        assertThatThrownBy(() -> components.rollBack("oqs-terminal"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("以前のバージョンがありません");
        assertThatThrownBy(() -> components.rollBack("oqs-reader"))
                .hasMessageContaining("インストールされていません");
    }
}
