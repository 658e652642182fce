package org.openoqs.app.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * Load on an HTTPS API from many clients at once, each on its own kept-alive mutual-TLS connection (as many
 * terminals would be), in one of two shapes:
 * <ul>
 *   <li>{@link #closedLoop}: every client sends its next request as soon as the previous answer arrived — the
 *       throughput the server sustains, and the latency at that saturation;</li>
 *   <li>{@link #paced}: requests are due at a fixed total rate whatever the server does, and each latency is
 *       counted from when its request was due, so a stalled server cannot hide its stall by slowing the
 *       clients down (no coordinated omission) — the latency at a given load.</li>
 * </ul>
 */
final class ApiLoad {

    /**
     * What a run measured. {@code failures} are non-2xx answers, failed checks and broken connections;
     * {@code reconnects} the new TLS handshakes because the server closed a kept-alive connection.
     */
    record Result(long completed, double seconds, Samples latencies, long failures, String firstFailure,
                  long reconnects) {
        double perSecond() {
            return completed / seconds;
        }
    }

    /** Checks one answer; throws to count it as a failure. */
    @FunctionalInterface
    interface AnswerCheck {
        void verify(KeptAliveConnection.Response response) throws IOException;
    }

    private final SSLContext tls;
    private final URI base;
    private final List<byte[]> requests;
    private final AnswerCheck check;
    private final int clients;
    private final AtomicLong reconnects = new AtomicLong();

    /**
     * @param requests prepared requests ({@link KeptAliveConnection#post}); the clients cycle through them
     */
    ApiLoad(SSLContext tls, URI base, List<byte[]> requests, AnswerCheck check, int clients) {
        this.tls = tls;
        this.base = base;
        this.requests = List.copyOf(requests);
        this.check = check;
        this.clients = clients;
    }

    /** Saturation: {@code warmup} unmeasured, then {@code measure} measured. */
    Result closedLoop(Duration warmup, Duration measure) throws InterruptedException {
        return run(warmup, measure, 0);
    }

    /** {@code perSecond} requests a second in total, spread evenly over the clients and over time. */
    Result paced(double perSecond, Duration warmup, Duration measure) throws InterruptedException {
        return run(warmup, measure, perSecond);
    }

    private Result run(Duration warmup, Duration measure, double perSecond) throws InterruptedException {
        reconnects.set(0);
        List<Samples> recorders = new ArrayList<>();
        AtomicLong completed = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong(Long.MIN_VALUE);
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] times = new long[3]; // start, end of warm-up, end
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Samples recorder = new Samples(4096);
            recorders.add(recorder);
            int client = c;
            Thread thread = new Thread(() -> {
                KeptAliveConnection connection = null;
                try {
                    connection = KeptAliveConnection.open(tls, base);
                } catch (IOException e) {
                    firstFailure.compareAndSet(null, "connect: " + e);
                } finally {
                    connected.countDown();
                }
                try {
                    go.await();
                    connection = drive(connection, client, recorder, times, perSecond, completed, lastAnswer,
                            failures, firstFailure);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    closeQuietly(connection);
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        connected.await();
        times[0] = System.nanoTime();
        times[1] = times[0] + warmup.toNanos();
        times[2] = times[1] + measure.toNanos();
        go.countDown();
        for (Thread thread : threads) {
            thread.join(measure.plus(warmup).toMillis() + 60_000);
        }
        // paced: the requests due in the window count, so the rate achieved is over the time until the last answer
        long measuredNanos = perSecond > 0 ? Math.max(measure.toNanos(), lastAnswer.get() - times[1])
                : measure.toNanos();
        return new Result(completed.get(), measuredNanos / 1e9, Samples.merged(recorders), failures.get(),
                firstFailure.get(), reconnects.get());
    }

    private KeptAliveConnection drive(KeptAliveConnection connection, int client, Samples recorder, long[] times,
            double perSecond, AtomicLong completed, AtomicLong lastAnswer, AtomicLong failures,
            AtomicReference<String> firstFailure)
            throws InterruptedException {
        long intervalNanos = perSecond > 0 ? (long) (clients * 1e9 / perSecond) : 0;
        long due = times[0] + (perSecond > 0 ? (long) (client * 1e9 / perSecond) : 0);
        int next = client;
        while (true) {
            long start;
            if (intervalNanos > 0) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                start = due; // latency counts from when the request was due
                due += intervalNanos;
            } else {
                start = System.nanoTime();
            }
            if (start >= times[2]) {
                return connection;
            }
            byte[] request = requests.get(next % requests.size());
            next += clients;
            try {
                if (connection == null) {
                    connection = KeptAliveConnection.open(tls, base);
                }
                KeptAliveConnection.Response response = connection.exchange(request);
                long end = System.nanoTime();
                if (response.status() / 100 != 2) {
                    throw new IOException("HTTP " + response.status());
                }
                check.verify(response);
                if (response.closing()) { // the server ends kept-alive connections after so many requests
                    closeQuietly(connection);
                    connection = null;
                    reconnects.incrementAndGet();
                }
                // closed loop: only exchanges wholly inside the window; paced: every request due inside it
                if (start >= times[1] && (intervalNanos > 0 || end <= times[2])) {
                    recorder.add(end - start);
                    completed.incrementAndGet();
                    lastAnswer.accumulateAndGet(end, Math::max);
                }
            } catch (IOException | RuntimeException e) {
                if (start >= times[1]) {
                    failures.incrementAndGet();
                }
                firstFailure.compareAndSet(null, e.toString());
                closeQuietly(connection);
                connection = null;
            }
        }
    }

    private static void closeQuietly(KeptAliveConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // the run is over for this client anyway
            }
        }
    }
}
