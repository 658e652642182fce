package org.openoqs.app.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.openoqs.core.population.Personas;
import org.openoqs.examples.ExampleCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs bench}: measures this machine against the product's targets and prints each figure with its target
 * and ratio, next to floors (the bare cost of the same disk and TLS operations) that make the ratios readable on a
 * noisy machine. Not a test: it never fails a build, it reports.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = CompetingLoad.BusyLoop.class,
        description = {"Measures demo start, the req → res round trip, the terminal API's throughput with many",
                "mTLS clients, CLINS registration and retrieval, the server's memory, and their floors on this machine; prints each figure",
                "with its target and ratio. Takes about 2 minutes."})
public final class BenchCommand implements Callable<Integer> {

    /** Issue 20's start targets: what every vendor test run that starts the demo pays (docs/performance.md). */
    static final double NEW_HOME_START_SECONDS = 7;
    static final double EXISTING_HOME_START_SECONDS = 5;


    // 電子カルテ情報: no official figure is published; openoqs's own bounds (docs/performance.md "CLINS"), set where a
    // 2-core machine shared with other builds stays well inside them: registration parses, checks and replaces 50
    // entries in one transaction (measured 72 ms median, 246 ms p99 under load); retrieval gates on consent and
    // writes a 49-item FHIR Bundle.
    static final int CLINS_REGISTRATION_MEDIAN_MS = 250;
    static final int CLINS_REGISTRATION_P99_MS = 1000;
    static final int CLINS_RETRIEVAL_MEDIAN_MS = 200;
    static final int CLINS_RETRIEVAL_P99_MS = 800;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "500",
            description = "Measured sequential round trips (default ${DEFAULT-VALUE}, after 50 warm-up ones).")
    int requests;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "32",
            description = "Concurrent mTLS clients of the terminal-API load (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--load-seconds", paramLabel = "S", defaultValue = "15",
            description = "Measured seconds of the saturation run (default ${DEFAULT-VALUE}; other runs take half).")
    int loadSeconds;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Record a JDK Flight Recording of the demo under test into FILE (docs/performance.md).")
    Path profile;

    @Option(names = "--demo-java-options", paramLabel = "OPTIONS", split = " ",
            description = "JVM options for the demo under test instead of the launcher's DEMO_JAVA_OPTS, "
                    + "space-separated, e.g. to compare settings (docs/performance.md).")
    List<String> demoJavaOptions;

    @Option(names = "--api-only",
            description = "Only the terminal-API figures (skips the folder round trip and the cold start): for "
                    + "profiling rounds.")
    boolean apiOnly;

    @Option(names = "--clins-only",
            description = "Only the 電子カルテ情報 figures (CLINS registration of a 50-entry Bundle, retrieval of a "
                    + "patient's information) after the demo start.")
    boolean clinsOnly;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Working directory for the demo under test (default: a new temporary directory).")
    Path home;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path root = home != null ? Files.createDirectories(home) : Files.createTempDirectory("oqs-bench-");
        byte[] request = personaRequest("shaho-honnin");
        BenchReport report = new BenchReport();
        out.println("oqs bench: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", working in " + root);

        Samples disk = FolderRoundTrip.fileFloor(Files.createDirectories(root.resolve("floor")), request, requests);
        report.floor("floor: write + rename + read, same disk (median)", disk.medianMillis(), "ms", "bare file system");

        Path demoHome = root.resolve("demo");
        List<String> javaOptions = demoJavaOptions(out);
        out.println("demo under test: java " + String.join(" ", javaOptions) + " -jar oqs.jar demo");
        if (!apiOnly && !clinsOnly) {
            try (DemoUnderTest cold = DemoUnderTest.start(demoHome, javaOptions)) {
                report.atMost("demo start, new home (CA, certificates, 10k people)", cold.readyMillis() / 1000, "s",
                        NEW_HOME_START_SECONDS);
            }
        }
        try (DemoUnderTest demo = DemoUnderTest.start(demoHome, withProfile(javaOptions))) {
            boolean onlyStart = apiOnly || clinsOnly; // on a new home: the one start of these modes
            report.atMost(onlyStart ? "demo start, new home" : "demo start, existing home", demo.readyMillis() / 1000,
                    "s", onlyStart ? NEW_HOME_START_SECONDS : EXISTING_HOME_START_SECONDS);
            Properties props = demo.properties();
            if (clinsOnly) {
                measureClinsRegistration(props, report, out);
                measureClinsRetrieval(props, report, out);
            } else if (!apiOnly) {
                measureFolderRoundTrip(props, request, disk, report, out);
                measureCardConfirmation(props, report, out);
                measureBulk(props, report, out);
                measureClinsRegistration(props, report, out);
                measureClinsRetrieval(props, report, out);
            }
            if (!clinsOnly) {
                new TerminalApiBench(clients, Duration.ofSeconds(5), Duration.ofSeconds(loadSeconds), out)
                        .run(props, demo.pid(), root, report);
            }
            ProcessMemory.lifetimePeakRssMib(demo.pid()).ifPresent(mib -> report.atMost(
                    "demo memory through the whole bench: peak RSS (kernel VmHWM)", mib, "MiB", 700));
        }
        if (apiOnly) {
            report.notAvailable("card confirmation → face file", "≤ 300 ms");
            report.notAvailable("10,000-person bulk inquiry, drop → final 02res", "≤ 1.5 s");
            report.notAvailable("bulk inquiry, busy / quiet (median)", "≤ 2.5 x");
            report.notAvailable("CLINS registration, 50-entry Bundle", "≤ " + CLINS_REGISTRATION_MEDIAN_MS + " ms");
            report.notAvailable("CLINS retrieval (CIPsiquc01), 49 results", "≤ " + CLINS_RETRIEVAL_MEDIAN_MS + " ms");
        }
        out.println();
        report.print(out);
        out.println();
        out.println(String.format(Locale.ROOT, "%s", report.allTargetsMet()
                ? "all targets met on this machine" : "some targets missed on this machine (see ratios > 1)"));
        return 0;
    }

    private void measureFolderRoundTrip(Properties props, byte[] request, Samples disk, BenchReport report,
            PrintStream out) throws Exception {
        Samples tls = TlsFloor.measure(props, 50, requests);
        report.floor("floor: mTLS GET /api/v1/time, kept alive (median)", tls.medianMillis(), "ms",
                "bare TLS request");
        out.println("measuring " + requests + " sequential req → res round trips…");
        Samples roundTrip = FolderRoundTrip.measure(Path.of(props.getProperty("req.dir")),
                Path.of(props.getProperty("res.dir")), request, 50, requests);
        report.atMost("req → res round trip, median", roundTrip.medianMillis(), "ms", 50);
        report.atMost("req → res round trip, p99", roundTrip.p99Millis(), "ms", 200);
        report.floor("req → res round trip / disk floor (median)",
                roundTrip.medianMillis() / disk.medianMillis(), "x", "overhead over the bare file system");
    }

    /** Reader → face file through the demo's reader page: median and p99 of 100 after 10 warm-up ones. */
    private static void measureCardConfirmation(Properties props, BenchReport report, PrintStream out)
            throws Exception {
        out.println("measuring 100 card confirmations (face, reader → face file)…");
        Samples card = CardConfirmationRoundTrip.measure(props, 10, 100);
        report.atMost("card confirmation → face file, median", card.medianMillis(), "ms", 300);
        report.floor("card confirmation → face file, p99", card.p99Millis(), "ms",
                "challenge, card signature, verification, answer, face file");
    }

    /**
     * 一括照会 of 10,000 persons through the folders (docs/bulk.md): median of 3 after a 1,000-person warm-up, then
     * again with one busy process per core beside the demo (a vendor's CI running its own build next to it).
     */
    private static void measureBulk(Properties props, BenchReport report, PrintStream out) throws Exception {
        out.println("measuring 3 × 10,000-person 一括照会 (drop → final 02res, after a 1,000-person warm-up)…");
        BulkFigure.Figures bulk = BulkFigure.measure(props, 10_000, 3, "bench");
        report.atMost("10,000-person bulk inquiry, drop → final 02res (median)", bulk.medianSeconds(), "s", 1.5);
        report.floor("10,000-person bulk inquiry, first measured run", bulk.firstSeconds(), "s",
                bulk.units() + " units, result delivered as .zip");
        int cores = Runtime.getRuntime().availableProcessors();
        out.println("measuring the same with " + cores + " busy processes beside the demo (one per core)…");
        BulkFigure.Figures loaded;
        try (CompetingLoad load = CompetingLoad.start(cores)) {
            loaded = BulkFigure.measure(props, 10_000, 3, "busy");
        }
        report.floor("10,000-person bulk inquiry, every core busy (median)", loaded.medianSeconds(), "s",
                cores + " busy-loop processes beside the demo");
        report.atMost("bulk inquiry, busy / quiet (median)", loaded.medianSeconds() / bulk.medianSeconds(), "x",
                2.5);
    }

    /** 電子カルテ情報: a 50-entry Bundle registered (replacing itself): median and p99 of 100 after 10 warm-up ones. */
    private static void measureClinsRegistration(Properties props, BenchReport report, PrintStream out)
            throws Exception {
        out.println("measuring 100 CLINS registrations of a " + ClinsRegistrationBench.ENTRIES + "-entry Bundle…");
        Samples clins = ClinsRegistrationBench.measure(props, 10, 100);
        report.atMost("CLINS registration, 50-entry Bundle, median", clins.medianMillis(), "ms",
                CLINS_REGISTRATION_MEDIAN_MS);
        report.atMost("CLINS registration, 50-entry Bundle, p99", clins.p99Millis(), "ms", CLINS_REGISTRATION_P99_MS);
    }

    /** 電子カルテ情報: one patient's 49 results retrieved (consent given at the reader): median and p99 of 100. */
    private static void measureClinsRetrieval(Properties props, BenchReport report, PrintStream out) throws Exception {
        out.println("measuring 100 CLINS retrievals (CIPsiquc01) of a patient with " + (ClinsRegistrationBench.ENTRIES - 1)
                + " results…");
        Samples clins = ClinsRetrievalBench.measure(props, 10, 100);
        report.atMost("CLINS retrieval (CIPsiquc01), 49 results, median", clins.medianMillis(), "ms",
                CLINS_RETRIEVAL_MEDIAN_MS);
        report.atMost("CLINS retrieval (CIPsiquc01), 49 results, p99", clins.p99Millis(), "ms",
                CLINS_RETRIEVAL_P99_MS);
    }

    /** {@code --demo-java-options} without empty entries, else the launcher's {@code DEMO_JAVA_OPTS}. */
    private List<String> demoJavaOptions(PrintStream out) throws java.io.IOException {
        if (demoJavaOptions != null) {
            return demoJavaOptions.stream().filter(option -> !option.isBlank()).toList();
        }
        return DemoUnderTest.launcherOptions().orElseGet(() -> {
            out.println("demo under test: no ./oqs launcher beside this jar, the JVM's default options");
            return List.of();
        });
    }

    /** The options, and a flight recording with {@code --profile} (stacks every 10–20 ms). */
    private List<String> withProfile(List<String> javaOptions) {
        List<String> options = new java.util.ArrayList<>(javaOptions);
        if (profile != null) {
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + profile.toAbsolutePath());
        }
        return options;
    }

    private static byte[] personaRequest(String persona) {
        Personas.byKey(persona).orElseThrow();
        return ExampleCorpus.valid().stream().filter(e -> e.file().equals(persona + ".xml")).findFirst()
                .orElseThrow().bytes();
    }
}
