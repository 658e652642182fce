package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./oqs} runs the jar extracted, with the class-data archive its training start recorded for this JDK
 * (docs/performance.md, "Demo start"); {@code OQS_CLASS_DATA=off} runs without the archive; {@code oqs demo} gets the
 * launcher's demo options. What the launcher prints with {@code OQS_PRINT_COMMAND=1} is what it runs: the same
 * command runs oqs here.
 */
class LauncherFastStartIT {

    private static final Path LAUNCHER = Path.of(System.getProperty("oqs.repo", "..")).toAbsolutePath().normalize()
            .resolve("oqs");

    @Test
    void theExtractedJarRunsWithTheArchiveRecordedForThisJdk() throws Exception {
        List<String> command = printed(Map.of("OQS_JAVA_OPTS", ""));

        String archiveOption = command.stream().filter(w -> w.startsWith("-XX:SharedArchiveFile=")
                || w.startsWith("-XX:AOTCache=")).findFirst().orElseThrow();
        Path archive = Path.of(archiveOption.substring(archiveOption.indexOf('=') + 1));
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(10_000_000L); // the classes of a whole demo start
        Path jar = Path.of(command.get(command.size() - 1));
        assertThat(jar.getParent().getFileName().toString()).isEqualTo("fast-start");
        assertThat(jar.getParent().resolve("lib")).isDirectory();

        Completed version = run(command, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("openoqs ").doesNotContain("warning").doesNotContain("cds");
    }

    @Test
    void withClassDataOffThereIsNoArchive() throws Exception {
        List<String> command = printed(Map.of("OQS_JAVA_OPTS", "", "OQS_CLASS_DATA", "off"));

        assertThat(command).noneMatch(w -> w.startsWith("-XX:SharedArchiveFile=") || w.startsWith("-XX:AOTCache="));
        assertThat(run(command, "--version").exitCode()).isZero();
    }

    @Test
    void theDemoGetsTheLaunchersDemoOptions() throws Exception {
        List<String> command = printed(Map.of(), "demo");

        assertThat(command).contains("-XX:+UseSerialGC", "-Xmx512m", "-XX:TieredStopAtLevel=1");
    }

    private static List<String> printed(Map<String, String> environment, String... args) throws Exception {
        List<String> words = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        words.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(words);
        builder.environment().remove("OQS_JAVA_OPTS");
        builder.environment().remove("OQS_CLASS_DATA");
        builder.environment().putAll(environment);
        builder.environment().put("OQS_PRINT_COMMAND", "1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text.lines().toList();
    }

    private record Completed(int exitCode, String output) {
    }

    private static Completed run(List<String> command, String... args) throws Exception {
        List<String> words = new java.util.ArrayList<>(command);
        words.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Completed(process.exitValue(), text);
    }
}
