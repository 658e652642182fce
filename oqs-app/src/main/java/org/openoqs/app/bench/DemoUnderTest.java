package org.openoqs.app.bench;

import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A separate {@code oqs demo} process, started from this very jar, so the benchmark measures what a user gets:
 * process start included, and the benchmark acting as the レセコン from outside the process.
 */
final class DemoUnderTest implements AutoCloseable {

    private final Process process;
    private final Path home;
    private final long readyAfterNanos;

    private DemoUnderTest(Process process, Path home, long readyAfterNanos) {
        this.process = process;
        this.home = home;
        this.readyAfterNanos = readyAfterNanos;
    }

    static DemoUnderTest start(Path home) throws IOException, InterruptedException {
        return start(home, List.of());
    }

    /** @param jvmOptions extra options for the demo's JVM, e.g. to record a flight recording while it is loaded */
    static DemoUnderTest start(Path home, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = javaCommand(jvmOptions, List.of("demo", "--home", home.toString(), "--port", "0"));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("OQS demo ready")) {
                long ready = System.nanoTime() - started;
                drainInBackground(lines);
                return new DemoUnderTest(process, home, ready);
            }
        }
        throw new IOException("the demo ended before it was ready:\n" + String.join("\n", seen));
    }

    /** The options {@code ./oqs demo} gives the demo ({@link LauncherDemoOptions}), if this jar sits in a checkout. */
    static Optional<List<String>> launcherOptions() throws IOException {
        return LauncherDemoOptions.besideJar(Path.of(ownJar()));
    }

    /** {@code java -jar <this jar> args…} with this JVM's java and class-data archive. */
    static List<String> javaCommand(List<String> args) throws IOException {
        return javaCommand(List.of(), args);
    }

    private static List<String> javaCommand(List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(classDataOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(ownJar());
        command.addAll(args);
        return command;
    }

    /**
     * The class-data archive this JVM was started with by {@code ./oqs} (docs/performance.md, "Demo start"): the
     * demo under test maps the same one, as a user's {@code ./oqs demo} does.
     */
    static List<String> classDataOptions(List<String> ownOptions) {
        return ownOptions.stream()
                .filter(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-XX:AOTCache="))
                .toList();
    }

    private static String ownJar() throws IOException {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            throw new IOException("oqs bench must run from the packaged jar (./oqs bench), not from " + classPath);
        }
        return Path.of(classPath).toAbsolutePath().toString();
    }

    private static void drainInBackground(BufferedReader lines) {
        Thread drain = new Thread(() -> {
            try (Reader ignored = lines) {
                while (lines.readLine() != null) {
                    // keep the pipe empty so the demo never blocks on its console
                }
            } catch (IOException ended) {
                // process ended
            }
        }, "bench-demo-output");
        drain.setDaemon(true);
        drain.start();
    }

    double readyMillis() {
        return readyAfterNanos / 1_000_000.0;
    }

    Properties properties() throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("demo.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
