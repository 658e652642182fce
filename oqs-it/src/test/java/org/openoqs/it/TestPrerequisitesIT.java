package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/test-prerequisites.sh}, which {@code ./mvnw verify} runs before any test: on this machine (where the
 * build got this far) everything is present; on a machine that lacks the packages, a user without root or sudo is
 * stopped at once with the one command that installs them. That machine is simulated by an empty folder put before
 * every path the script checks and a PATH without sudo; as root the script runs as {@code nobody}.
 */
class TestPrerequisitesIT {

    static final Path SCRIPT = Path.of(System.getProperty("oqs.repo", ".."), "scripts", "test-prerequisites.sh")
            .toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void thisMachineHasEverythingTheTestsNeed() throws Exception {
        Result r = run(List.of("/bin/bash", SCRIPT.toString()));

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("chromium, chromium-driver and PostgreSQL are installed");
    }

    @Test
    void withoutRootOrSudoItStopsAtOnceWithTheOneInstallCommand() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path emptyMachine = Files.createDirectories(dir.resolve("machine"));
        Path bin = Files.createDirectories(dir.resolve("bin")); // no sudo, no apt-get
        Files.createSymbolicLink(bin.resolve("id"), Path.of("/usr/bin/id"));
        Files.createSymbolicLink(bin.resolve("cat"), Path.of("/bin/cat"));
        Path script = Files.copy(SCRIPT, dir.resolve("test-prerequisites.sh"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.addAll(List.of("/usr/bin/env", "-i", "PATH=" + bin, "OQS_PREREQUISITES_ROOT=" + emptyMachine,
                "/bin/bash", script.toString()));

        long started = System.nanoTime();
        Result r = run(command);

        assertThat(r.exit()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("sudo apt-get update && sudo apt-get install -y chromium chromium-driver postgresql")
                .contains("needs root");
        assertThat((System.nanoTime() - started) / 1_000_000).as("stops at once (ms)").isLessThan(10_000);
    }

    @Test
    void mavensSkipTestsSkipsTheCheck() throws Exception {
        Path emptyMachine = Files.createDirectories(dir.resolve("machine"));
        Result r = run(List.of("/usr/bin/env", "OQS_PREREQUISITES_ROOT=" + emptyMachine, "/bin/bash", SCRIPT.toString(),
                "true", "${maven.test.skip}"));

        assertThat(r.exit()).isZero();
        assertThat(r.output()).isEmpty();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        id.waitFor(10, TimeUnit.SECONDS);
        return "0".equals(uid);
    }
}
