package org.openoqs.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.bulk.BulkUploadFiles;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.linkage.LinkageFolders;

/**
 * The 一括照会 benchmark on its own, in one process: CA, central service (embedded H2, or PostgreSQL with
 * {@code --jdbc URL}), one facility and its terminal, then {@code --runs} times a {@code --persons}-person
 * {@code OQSmuquc01req_} from drop to final {@code 02res} ({@link BulkRoundTrip}). Prints every run and the heap
 * the process used (sampled), so "memory stays flat" can be read off. Reports; never fails on a figure.
 *
 * <pre>java -cp oqs.jar org.openoqs.app.bench.BulkBenchmark [--persons 10000] [--runs 3] [--jdbc URL]</pre>
 */
public final class BulkBenchmark {

    static final String INSTITUTION_CODE = "0113810014";
    private static final char[] PASSWORD = "bench-password".toCharArray();

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = 10_000;
        int runs = 3;
        String jdbc = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--jdbc" -> jdbc = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --persons N, --runs N, --jdbc URL)");
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path root = Files.createTempDirectory("oqs-bulk-bench-");
        CertificateAuthority ca = CertificateAuthority.initOrLoad(root.resolve("ca"), "openoqs bench CA", PASSWORD);
        Path serverStore = root.resolve("server.p12");
        Path trust = root.resolve("trust.p12");
        ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(serverStore, "server", PASSWORD);
        TrustStores.writeTrustStore(trust, PASSWORD, ca.caCertificate());
        IssuedCredential facility = ca.issueFacilityCertificate(INSTITUTION_CODE, "ベンチマーク診療所");
        Path client = root.resolve("client.p12");
        facility.writePkcs12(client, "client", PASSWORD);

        ServerConfig.Builder config = ServerConfig.builder(root.resolve("server")).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(serverStore, PASSWORD).trustStore(trust, PASSWORD).ca(ca.directory(), PASSWORD)
                .populationSize(persons);
        if (jdbc != null) {
            config.jdbc(jdbc, null, null);
        }
        LocalDate today = LocalDate.now(ServerConfig.TOKYO);
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        int entries = BulkUploadFiles.qualificationUpload(
                SyntheticPopulation.standard(ServerConfig.POPULATION_SEED, persons, today), persons, INSTITUTION_CODE,
                today, "bulk-bench", CharacterCode.UTF_8, upload);
        out.printf(Locale.ROOT, "bulk benchmark: %d persons per file (%.1f MiB), %d runs, database %s, %d cores%n",
                entries, upload.size() / 1048576.0, runs, jdbc == null ? "H2 (embedded)" : "PostgreSQL", 
                Runtime.getRuntime().availableProcessors());

        HeapSampler heap = new HeapSampler();
        try (CentralServer server = CentralServer.start(config.build())) {
            server.facilities().create(INSTITUTION_CODE, "ベンチマーク診療所");
            LinkageFolders folders = LinkageFolders.under(Files.createDirectories(root.resolve("terminal")));
            TerminalConfig terminalConfig = new TerminalConfig(INSTITUTION_CODE, server.baseUri(), client, PASSWORD,
                    trust, PASSWORD, folders, null, Duration.ofSeconds(5), Duration.ofSeconds(60), null);
            try (FacilityTerminal terminal = FacilityTerminal.start(terminalConfig,
                    FacilityTerminal.overHttps(terminalConfig))) {
                heap.start();
                for (int run = 1; run <= runs; run++) {
                    long before = heap.usedNow();
                    long cpuBefore = processCpuNanos();
                    BulkRoundTrip.Timing t = BulkRoundTrip.run(folders.req(), folders.res(), upload.toByteArray(),
                            INSTITUTION_CODE, String.format(Locale.ROOT, "bench%04d", run));
                    double cpuMillis = (processCpuNanos() - cpuBefore) / 1e6;
                    out.printf(Locale.ROOT, "run %d: drop → 01res %.0f ms, drop → final 02res %.0f ms (target ≤ 5000 ms,"
                                    + " ratio %.2f), process CPU %.0f ms, %d units, %d downloads, result %.1f MiB%s,"
                                    + " heap used before %d MiB, load average %.1f%n",
                            run, t.receiptMillis(), t.totalMillis(), t.totalMillis() / 5000.0, cpuMillis, t.units(),
                            t.downloads(), t.resultBytes() / 1048576.0, t.resultBytes() > 1048576 ? " (zip)" : "",
                            before >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
                heap.stop();
            }
        }
        out.printf(Locale.ROOT, "heap used during the runs: max %d MiB (sampled every 20 ms; whole process: service, "
                + "terminal and this レセコン), -Xmx %d MiB%n", heap.max() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** CPU time of the whole process (all threads), to read the figures on a machine others are using too. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Samples the heap in use, to show whether it grows with the work. */
    private static final class HeapSampler {
        private volatile boolean running;
        private volatile long max;
        private Thread thread;

        long usedNow() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    used += pool.getUsage().getUsed();
                }
            }
            return used;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    max = Math.max(max, usedNow());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long max() {
            return max;
        }
    }
}
