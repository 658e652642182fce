package org.openoqs.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * What a vendor's CI does beside the demo: one busy process per core, each spinning on one thread, so a figure can
 * be measured again with every core contended and compared with its quiet value (issue 20's "bulk under load").
 * The processes are this very jar started with the hidden {@code oqs bench busy-loop}, so nothing beyond Java is
 * needed, and they end with the bench even when it is killed (they stop when their standard input, a pipe from the
 * bench, closes).
 */
final class CompetingLoad implements AutoCloseable {

    private final List<Process> processes;

    private CompetingLoad(List<Process> processes) {
        this.processes = processes;
    }

    /** Starts {@code count} busy processes and returns once each of them is spinning. */
    static CompetingLoad start(int count) throws IOException {
        List<Process> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                started.add(new ProcessBuilder(DemoUnderTest.javaCommand(List.of("bench", "busy-loop")))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
        } catch (IOException e) {
            started.forEach(Process::destroyForcibly);
            throw e;
        }
        CompetingLoad load = new CompetingLoad(started);
        try {
            load.awaitSpinning();
        } catch (IOException e) {
            load.close();
            throw e;
        }
        return load;
    }

    /** JVM start takes a moment: wait until every process has used CPU time, so the figure starts loaded. */
    private void awaitSpinning() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Process p : processes) {
            while (cpuMillis(p) < 500) {
                if (!p.isAlive()) {
                    throw new IOException("a busy-loop process ended at once (exit " + p.exitValue() + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the busy-loop processes did not start spinning within 30 s");
                }
                sleepBriefly();
            }
        }
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // the process ended already
        }
    }

    private static long cpuMillis(Process p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(Long.MAX_VALUE);
    }

    private static void sleepBriefly() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the competing load", e);
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            closeQuietly(p);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code oqs bench busy-loop}: spins one thread until its standard input ends — which happens when the bench
     * closes it or dies, so no busy process outlives the bench. Not for users.
     */
    @Command(name = "busy-loop", hidden = true, description = "Spins one core until standard input ends.")
    static final class BusyLoop implements Runnable {

        private volatile boolean parentGone;

        @Override
        public void run() {
            Thread watcher = new Thread(this::awaitEndOfInput, "busy-loop-parent-watch");
            watcher.setDaemon(true);
            watcher.start();
            long x = 0;
            while (!parentGone) {
                for (int i = 0; i < 10_000_000; i++) {
                    x += i ^ (x >>> 3);
                }
            }
            if (x == 42) {
                System.out.println(x); // keeps the loop from being optimised away
            }
        }

        private void awaitEndOfInput() {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; the read returns -1 when the bench's end of the pipe closes
                }
            } catch (java.io.IOException ended) {
                // same meaning as end of input
            }
            parentGone = true;
        }
    }
}
