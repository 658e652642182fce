package org.openoqs.app.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.examples.ExampleCorpus;

/**
 * The central service's terminal API under load from many terminals at once: {@code clients} kept-alive mutual-TLS
 * connections sending the corpus's persona inquiries (JSON, as the terminal does) — saturation throughput and
 * latency, latency at Germany's VSDM budget of 1,000 inquiries/s as a second reference, the server's memory under
 * that load, and two floors: the same clients against a bare TLS endpoint and against the service's cheapest
 * endpoint.
 */
final class TerminalApiBench {

    static final String INQUIRY_PATH = "/api/v1/qualifications/inquiry";
    private static final String JSON = "application/json; charset=UTF-8";
    private static final byte[] COMPLETED = "\"SegmentOfResult\":\"1\"".getBytes(StandardCharsets.US_ASCII);
    private static final double VSDM_RATE = 1_000;

    private final int clients;
    private final Duration warmup;
    private final Duration measure;
    private final PrintStream out;

    TerminalApiBench(int clients, Duration warmup, Duration measure, PrintStream out) {
        this.clients = clients;
        this.warmup = warmup;
        this.measure = measure;
        this.out = out;
    }

    void run(Properties demo, long demoPid, Path workDirectory, BenchReport report) throws Exception {
        SSLContext tls = DemoCredentials.clientTls(demo);
        URI base = URI.create(demo.getProperty("api.url"));
        List<byte[]> bodies = personaInquiriesAsJson();
        List<byte[]> inquiries = bodies.stream().map(b -> KeptAliveConnection.post(base, INQUIRY_PATH, b, JSON))
                .toList();
        ApiLoad load = new ApiLoad(tls, base, inquiries, TerminalApiBench::requireCompleted, clients);

        ApiLoad.Result saturated;
        ApiLoad.Result vsdm;
        long[] heap;
        OptionalLong peakRss;
        try (ProcessMemory memory = ProcessMemory.watch(demoPid)) {
            out.println(String.format(Locale.ROOT, "terminal API: %d clients, %d s warm-up + %d s at saturation…",
                    clients, warmup.toSeconds(), measure.toSeconds()));
            saturated = load.closedLoop(warmup, measure);
            heap = memory.heapMib();
            out.println("terminal API: 1,000 inquiries/s offered (VSDM reference)…");
            vsdm = load.paced(VSDM_RATE, Duration.ofSeconds(2), measure.dividedBy(2));
            peakRss = memory.peakRssMib();
        }
        report.atLeast("terminal API throughput, " + clients + " mTLS clients", saturated.perSecond(), "/s",
                2_000);
        report.atMost("terminal API latency p99 at that throughput", saturated.latencies().p99Millis(), "ms", 100);
        report.floor("terminal API latency median at that throughput", saturated.latencies().medianMillis(), "ms",
                "closed loop: each client sends when answered");
        // the achieved rate is measured to the last answer, so a server that keeps up lands a hair under the offer
        report.atLeast("VSDM reference: inquiries/s achieved of 1,000 offered", vsdm.perSecond(), "/s",
                VSDM_RATE * 0.99);
        report.atMost("VSDM reference: latency p99 at 1,000/s", vsdm.latencies().p99Millis(), "ms", 1_000);
        peakRss.ifPresent(mib -> report.floor("server memory under load: peak RSS (whole demo JVM)", mib, "MiB",
                "server + terminal + H2 in one process"));
        if (heap != null) {
            report.floor("server memory under load: Java heap used", heap[0], "MiB",
                    "of " + heap[1] + " MiB committed, right after the saturation run");
        }
        printFailures("inquiries", saturated);
        printFailures("VSDM run", vsdm);

        ApiLoad.Result framework = new ApiLoad(tls, base, List.of(KeptAliveConnection.get(base, "/api/v1/time")),
                response -> { }, clients).closedLoop(Duration.ofSeconds(2), measure.dividedBy(2));
        report.floor("floor: GET /api/v1/time, " + clients + " clients (no work)", framework.perSecond(), "/s",
                "mTLS + certificate check + Spring, no lookup, no audit");
        try (EmptyTlsEndpoint empty = EmptyTlsEndpoint.start(workDirectory)) {
            ApiLoad.Result bare = new ApiLoad(empty.clientTls(), empty.base(),
                    List.of(KeptAliveConnection.post(empty.base(), "/", bodies.get(0), JSON)), response -> { },
                    clients).closedLoop(Duration.ofSeconds(2), measure.dividedBy(2));
            report.floor("floor: empty mTLS endpoint, " + clients + " clients", bare.perSecond(), "/s",
                    "JDK TLS + HTTP framing only");
            report.floor("terminal API throughput / empty-endpoint floor", saturated.perSecond() / bare.perSecond(),
                    "x", "share of the bare TLS capacity the service keeps");
        }
    }

    /** The valid corpus's persona inquiries, as the terminal sends them (JSON mirror of the XML). */
    static List<byte[]> personaInquiriesAsJson() {
        return ExampleCorpus.valid().stream()
                .filter(e -> e.kind().equals("OQSsiquc01req") && e.expected().startsWith("validity:"))
                .map(e -> JsonMirror.toJsonBytes(QualificationMessages.requestToXml(
                        QualificationMessages.parseRequest(e.bytes()))))
                .toList();
    }

    private static void requireCompleted(KeptAliveConnection.Response response) throws IOException {
        if (indexOf(response.body(), COMPLETED) < 0) {
            throw new IOException("inquiry not answered normally: "
                    + new String(response.body(), 0, Math.min(200, response.body().length), StandardCharsets.UTF_8));
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void printFailures(String run, ApiLoad.Result result) {
        out.println(String.format(Locale.ROOT, "  %s: %d answered in %.0f s, %d reconnects (server closed a "
                + "kept-alive connection)", run, result.completed(), result.seconds(), result.reconnects()));
        if (result.failures() > 0) {
            out.println(String.format(Locale.ROOT, "  %s: %d failed exchanges, first: %s", run, result.failures(),
                    result.firstFailure()));
        }
    }
}
