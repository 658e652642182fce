package org.openoqs.server.bulk;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The worker threads of this server instance. Each loops: answer the next pending chunk of any job
 * ({@link ChunkProcessor}); when there is none, sleep until this instance stores new work ({@link #wakeUp}) or the
 * poll interval passes (work stored by other instances on the same database). Workers of several instances share
 * the work through the database alone.
 *
 * <p>{@link #pause()} stops taking new chunks (the chunk in hand is finished); {@link #resume()} continues. Both are
 * for maintenance and for tests that need a job to wait.
 */
@Component
public class BulkWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BulkWorkers.class);

    private static final long RETENTION_CHECK_NANOS = java.util.concurrent.TimeUnit.HOURS.toNanos(1);

    private final ChunkProcessor processor;
    private final BulkSettings settings;
    private final BulkJobStore store;
    private final java.time.Clock clock;
    private final java.util.concurrent.atomic.AtomicLong nextRetentionCheck = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime());
    private final String instanceId;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong chunksAnswered = new AtomicLong();
    private long wakeUps;
    private volatile boolean running;
    private volatile boolean paused;

    public BulkWorkers(ChunkProcessor processor, BulkSettings settings, BulkJobStore store, java.time.Clock clock) {
        this.processor = processor;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.instanceId = newInstanceId();
    }

    /** Names this instance in {@code processed_by}: host, process id and a random part (unique per start). */
    private static String newInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = (host.length() > 40 ? host.substring(0, 40) : host) + "/" + ManagementFactory.getRuntimeMXBean().getPid()
                + "/" + HexFormat.of().formatHex(random);
        return id.length() > 100 ? id.substring(0, 100) : id;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Chunks answered by this instance since it started. */
    public long chunksAnswered() {
        return chunksAnswered.get();
    }

    /** New work was stored here: idle workers look at once. */
    public void wakeUp() {
        lock.lock();
        try {
            wakeUps++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        wakeUp();
    }

    public boolean isPaused() {
        return paused;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::loop, "oqs-bulk-worker-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        log.info("bulk workers: {} threads as {}", settings.workers(), instanceId);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        for (Thread t : threads) {
            try {
                t.join(30_000); // a chunk in hand is finished (its transaction is short) rather than cut off
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Late in start-up (after Flyway and every service), early in shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            if (!paused) {
                try {
                    ChunkProcessor.Outcome outcome = processor.processNext(instanceId);
                    worked = outcome != ChunkProcessor.Outcome.IDLE;
                    if (outcome == ChunkProcessor.Outcome.ANSWERED) {
                        chunksAnswered.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.warn("bulk worker could not claim work: {}", e.toString());
                }
            }
            if (!worked) {
                removeExpiredJobsWhenDue();
                idle();
            }
        }
    }

    /** Once an hour an idle worker removes the jobs past their retention ({@link #removeExpiredJobs()}). */
    private void removeExpiredJobsWhenDue() {
        long due = nextRetentionCheck.get();
        if (System.nanoTime() - due < 0 || !nextRetentionCheck.compareAndSet(due, System.nanoTime() + RETENTION_CHECK_NANOS)) {
            return;
        }
        try {
            removeExpiredJobs();
        } catch (RuntimeException e) {
            log.warn("could not remove expired bulk jobs: {}", e.toString());
        }
    }

    /**
     * Deletes the jobs received longer ago than {@link BulkSettings#retention()}, with their entries; their 受付番号 then
     * answer like unknown ones. Several instances doing it at once delete nothing twice.
     *
     * @return the number of jobs removed
     */
    public int removeExpiredJobs() {
        int removed = store.deleteReceivedBefore(clock.instant().minus(settings.retention()));
        if (removed > 0) {
            log.info("removed {} bulk jobs received more than {} days ago", removed, settings.retention().toDays());
        }
        return removed;
    }

    private void idle() {
        lock.lock();
        try {
            long seen = wakeUps;
            long deadline = System.nanoTime() + settings.pollInterval().toNanos();
            while (running && seen == wakeUps) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.await(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
