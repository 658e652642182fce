package org.openoqs.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's JVM options are stated once, in the launcher, and read from there by the bench and the tests. */
class LauncherDemoOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theCheckoutsLauncherStatesTheDemosHeapAndCollector() throws Exception {
        String launcher = Files.readString(Path.of("..", "oqs"), StandardCharsets.UTF_8);

        assertThat(LauncherDemoOptions.parse(launcher)).hasValueSatisfying(options -> assertThat(options)
                .contains("-XX:+UseSerialGC").anySatisfy(o -> assertThat(o).matches("-Xmx\\d+[mg]")));
        assertThat(launcher).as("the options apply to demo only, and only when OQS_JAVA_OPTS is not set")
                .contains("if [ \"${1:-}\" = demo ] && [ -z \"${OQS_JAVA_OPTS+set}\" ]; then")
                .contains("OQS_JAVA_OPTS=\"$DEMO_JAVA_OPTS\"");
    }

    @Test
    void aJarBuiltInACheckoutFindsItsLauncher() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("oqs-app/target")).resolve("oqs.jar");
        Files.writeString(dir.resolve("oqs"), "#!/bin/sh\nDEMO_JAVA_OPTS=\"-Xmx300m  -XX:+UseSerialGC\"\n");

        assertThat(LauncherDemoOptions.besideJar(jar)).contains(List.of("-Xmx300m", "-XX:+UseSerialGC"));
    }

    @Test
    void theLaunchersExtractedJarFindsTheSameLauncher() throws Exception {
        Path jar = Files.createDirectories(dir.resolve("oqs-app/target/fast-start")).resolve("oqs.jar");
        Files.writeString(dir.resolve("oqs"), "#!/bin/sh\nDEMO_JAVA_OPTS=\"-Xmx300m\"\n");

        assertThat(LauncherDemoOptions.besideJar(jar)).contains(List.of("-Xmx300m"));
    }

    @Test
    void aJarElsewhereOrALauncherWithoutTheLineGivesNothing() throws Exception {
        assertThat(LauncherDemoOptions.besideJar(dir.resolve("oqs.jar"))).isEmpty();
        assertThat(LauncherDemoOptions.parse("#!/bin/sh\nexec java -jar oqs.jar \"$@\"\n")).isEmpty();
        assertThat(LauncherDemoOptions.parse("# DEMO_JAVA_OPTS=\"-Xmx1m\" in a comment\n")).isEmpty();
    }
}
