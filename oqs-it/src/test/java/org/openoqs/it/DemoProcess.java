package org.openoqs.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code oqs demo} process, started from the packaged jar exactly as {@code ./oqs} starts it for a user
 * (extracted, with its class-data archive), with its output captured. Tests talk to it only through its folders, HTTPS and {@code demo.properties}.
 */
final class DemoProcess implements AutoCloseable {

    /** 90 s; {@code -Doqs.it.readySeconds=N} for a machine shared with other builds. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Long.getLong("oqs.it.readySeconds", 90));

    /**
     * JIT options of the test's own processes only (the product's launcher keeps the JVM's defaults): a demo that
     * lives for one test class, or a command that lives a second, never reaches the code C2 would pay off for, and
     * on a 2-core machine C2's compiler threads take the cores the start-up needs (measured: demo start 15.8 s →
     * 12.9 s under load). {@code -Doqs.it.jvmOptions=} (empty) restores the defaults.
     */
    private static final List<String> TEST_JVM_OPTIONS = List.of(
            System.getProperty("oqs.it.jvmOptions", "-XX:TieredStopAtLevel=1").split(" ")).stream()
            .filter(option -> !option.isBlank()).toList();
    /** A command also gets the serial collector: one thread, no parallel GC workers to start for a second's work. */
    private static final List<String> COMMAND_JVM_OPTIONS = TEST_JVM_OPTIONS.isEmpty() ? List.of()
            : List.of("-XX:+UseSerialGC");

    private final Process process;
    private final Path home;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Thread pump;

    private DemoProcess(Process process, Path home) {
        this.process = process;
        this.home = home;
        this.pump = new Thread(this::pumpOutput, "demo-output");
        pump.setDaemon(true);
        pump.start();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("oqs.jar", "../oqs-app/target/oqs.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged oqs jar is missing: " + jar + " (run ./mvnw verify)");
        }
        return jar;
    }

    /**
     * The JVM options {@code ./oqs demo} gives the demo (the launcher's {@code DEMO_JAVA_OPTS} line), so the tests
     * start what users start. oqs-app's {@code LauncherDemoOptions} reads the same line for {@code oqs bench}; its
     * classes are not on this module's class path (oqs-app is packaged as an executable jar), hence this reading.
     */
    private static List<String> launcherDemoOptions() throws IOException {
        Path launcher = jar().getParent().getParent().getParent().resolve("oqs");
        Matcher line = Pattern.compile("(?m)^DEMO_JAVA_OPTS=\"([^\"]*)\"\\s*$")
                .matcher(Files.readString(launcher, StandardCharsets.UTF_8));
        if (!line.find()) {
            throw new IllegalStateException("no DEMO_JAVA_OPTS line in " + launcher);
        }
        return List.of(line.group(1).trim().split("\\s+"));
    }

    /**
     * How {@code ./oqs} starts oqs: its java (this JVM's, given as JAVA_HOME), the class-data archive option and the
     * extracted jar (docs/performance.md, "Demo start"), asked of the launcher once ({@code OQS_PRINT_COMMAND=1}),
     * which prepares them first as it does for a user. Every process of these tests starts that way.
     */
    private static volatile Launched launched;

    /** The launcher's command: java with its class-data option, and the jar it runs. */
    private record Launched(List<String> javaWithClassData, String jar) {
    }

    private static Launched launched() throws IOException, InterruptedException {
        Launched known = launched;
        if (known != null) {
            return known;
        }
        synchronized (DemoProcess.class) {
            if (launched == null) {
                launched = askTheLauncher();
            }
            return launched;
        }
    }

    private static Launched askTheLauncher() throws IOException, InterruptedException {
        Path launcher = jar().getParent().getParent().getParent().resolve("oqs");
        Path messages = Files.createTempFile("oqs-launcher-", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString())
                .redirectError(ProcessBuilder.Redirect.to(messages.toFile()));
        builder.environment().put("OQS_PRINT_COMMAND", "1");
        builder.environment().put("OQS_JAVA_OPTS", ""); // set, so no demo options: the tests add their own
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String said = Files.readString(messages, StandardCharsets.UTF_8);
        Files.deleteIfExists(messages);
        if (!ended || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not say how it starts oqs:\n" + text + said);
        }
        List<String> words = text.lines().toList();
        int jarOption = words.indexOf("-jar");
        if (jarOption < 1 || jarOption != words.size() - 2) {
            throw new IllegalStateException("unexpected launcher command:\n" + text + said);
        }
        return new Launched(words.subList(0, jarOption), words.get(jarOption + 1));
    }

    /** Starts {@code oqs demo --home HOME --port 0} and waits for its ready line. */
    static DemoProcess start(Path home) throws Exception {
        return start(home, List.of(), Map.of());
    }

    /** The same, with JVM options (e.g. {@code -Dopenoqs.pdf.font=…}) and environment variables of its own. */
    static DemoProcess start(Path home, List<String> jvmOptions, Map<String, String> environment)
            throws Exception {
        return start(List.of(), home, jvmOptions, environment);
    }

    /** The same, started through {@code commandPrefix} (e.g. {@code setpriv} to run it as another user). */
    static DemoProcess start(List<String> commandPrefix, Path home, List<String> jvmOptions,
            Map<String, String> environment) throws Exception {
        List<String> args = new ArrayList<>(launcherDemoOptions());
        args.addAll(TEST_JVM_OPTIONS);
        args.addAll(jvmOptions);
        args.addAll(List.of("-jar", launched().jar(), "demo", "--home", home.toString(), "--port", "0"));
        List<String> command = new ArrayList<>(commandPrefix);
        command.addAll(javaCommand(args.toArray(String[]::new)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        DemoProcess demo = new DemoProcess(builder.start(), home);
        demo.awaitReady();
        return demo;
    }

    /** Runs {@code oqs ARGS…} to completion and returns its exit code and output. */
    static Completed run(String... args) throws Exception {
        return runWithInput(null, args);
    }

    /** Like {@link #run} with {@code input} (one line, e.g. a password for --password-stdin) on standard input. */
    static Completed runWithInput(String input, String... args) throws Exception {
        return runAs(List.of(), input, args);
    }

    /** Like {@link #runWithInput}, started through {@code commandPrefix} (e.g. {@code setpriv}). */
    static Completed runAs(List<String> commandPrefix, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(commandPrefix);
        List<String> java = new ArrayList<>(TEST_JVM_OPTIONS);
        java.addAll(COMMAND_JVM_OPTIONS);
        java.addAll(List.of("-jar", launched().jar()));
        command.addAll(javaCommand(java.toArray(String[]::new)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            try (java.io.OutputStream stdin = process.getOutputStream()) {
                stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("oqs " + String.join(" ", args) + " did not finish");
        }
        return new Completed(process.exitValue(), text);
    }

    record Completed(int exitCode, String output) {
    }

    private static List<String> javaCommand(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launched().javaWithClassData());
        command.addAll(List.of(args));
        return command;
    }

    private void pumpOutput() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
             BufferedReader lines = new BufferedReader(in)) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("OQS demo ready")) {
                    ready.complete(line);
                }
            }
        } catch (IOException closed) {
            // process ended
        } finally {
            ready.completeExceptionally(new IllegalStateException("demo ended before it was ready:\n" + output()));
        }
    }

    private void awaitReady() throws Exception {
        try {
            ready.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notReady) {
            process.destroyForcibly();
            throw new IllegalStateException("demo not ready within " + READY_TIMEOUT + ":\n" + output(), notReady);
        }
    }

    String readyLine() {
        return ready.join();
    }

    Properties properties() throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("demo.properties"), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    Path home() {
        return home;
    }

    Path req() {
        return home.resolve("OQS").resolve("req");
    }

    Path res() {
        return home.resolve("OQS").resolve("res");
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGTERM, then waits for a clean exit. Returns the exit code. */
    int stop() throws InterruptedException {
        // ProcessHandle.destroy() sends SIGTERM like Process.destroy(), but leaves our end of the output open, so
        // the lines the demo prints while it shuts down can still be read.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("demo did not stop on SIGTERM:\n" + output());
        }
        pump.join(5_000); // the last lines ("stopped") are read after the process has exited
        return process.exitValue();
    }

    /** SIGKILL: the crash case. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
