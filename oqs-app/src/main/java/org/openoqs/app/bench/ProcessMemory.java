package org.openoqs.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of another process, seen from outside: its resident set (Linux {@code /proc/<pid>/status}, sampled
 * while a load runs, so the peak is caught) and its Java heap (the JDK's {@code jcmd <pid> GC.heap_info}). Either is
 * empty where the platform does not offer it.
 */
final class ProcessMemory implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final long pid;
    private final AtomicLong peakRssKib = new AtomicLong(-1);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-memory-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** Starts sampling the resident set of {@code pid} every 200 ms. */
    static ProcessMemory watch(long pid) {
        ProcessMemory memory = new ProcessMemory(pid);
        memory.sampler.scheduleAtFixedRate(() -> memory.rssKib().ifPresent(
                kib -> memory.peakRssKib.accumulateAndGet(kib, Math::max)), 0, 200, TimeUnit.MILLISECONDS);
        return memory;
    }

    /** The highest resident set seen so far, in MiB. */
    OptionalLong peakRssMib() {
        long kib = peakRssKib.get();
        return kib < 0 ? OptionalLong.empty() : OptionalLong.of(kib / 1024);
    }

    private OptionalLong rssKib() {
        return statusKib(pid, "VmRSS:");
    }

    /**
     * The kernel's own high-water mark of the resident set of {@code pid} since it started ({@code VmHWM}), in MiB:
     * exact, where sampling could miss a short peak; empty where there is no {@code /proc}.
     */
    static OptionalLong lifetimePeakRssMib(long pid) {
        OptionalLong kib = statusKib(pid, "VmHWM:");
        return kib.isPresent() ? OptionalLong.of(kib.getAsLong() / 1024) : kib;
    }

    private static OptionalLong statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no /proc here
        }
        return OptionalLong.empty();
    }

    /** Heap in use and committed right now, in MiB: {used, committed}; empty without jcmd. */
    long[] heapMib() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            Matcher m = HEAP.matcher(out);
            return m.find() ? new long[] {Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024}
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
