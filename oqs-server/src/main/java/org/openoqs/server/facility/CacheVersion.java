package org.openoqs.server.facility;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What lets a stateless node cache what other nodes can change: the {@code cache_version} row of the shared database,
 * bumped in the transaction of every change to cached data ({@link #bump()}), and polled by every node every
 * {@link #POLL_INTERVAL}. A node's caches hold entries stamped with its local {@link #generation()}, which moves
 * when the poll sees another version or when this node itself changed something ({@link #changedHere()}).
 *
 * <p>The bound: an entry is served only while the last poll that confirmed the version <em>started</em> less than
 * {@link #BOUND} ago ({@link #current(long)}). A change committed at time t is seen by every poll that starts after
 * t, so a node serves a value older than the change for less than {@link #BOUND} after t — also when its poller is
 * late (a busy machine, a slow database): then the caches are bypassed and every read goes to the database until a
 * poll succeeds again. On the node that made the change, it applies to the next request.
 */
@Component
public class CacheVersion implements SmartLifecycle {

    /** How often every node reads the shared version. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** How long after a change another node may still serve what was cached before it (stated in the docs). */
    public static final Duration BOUND = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(CacheVersion.class);
    private static final long BOUND_NANOS = BOUND.toNanos();

    private final JdbcClient jdbc;
    private final AtomicLong generation = new AtomicLong();
    private volatile long knownVersion = Long.MIN_VALUE;
    /** {@link System#nanoTime()} at the start of the last poll that confirmed {@link #knownVersion}. */
    private volatile long confirmedAt;
    private volatile boolean confirmed;
    private volatile ScheduledExecutorService poller;

    public CacheVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stamp to put on an entry about to be read from the database (take it before the read). */
    public long generation() {
        return generation.get();
    }

    /**
     * Whether an entry stamped {@code stamp} may be served now: nothing changed since, as far as this node knows, and
     * it knew recently enough. Freshness is read first: a poll that moved the generation set its time after.
     */
    public boolean current(long stamp) {
        return confirmed && System.nanoTime() - confirmedAt < BOUND_NANOS && generation.get() == stamp;
    }

    /**
     * Bumps the shared version. Call inside the transaction that changes cached data, so the new version and the
     * change become visible together; then {@link #changedHere()}.
     */
    public void bump() {
        jdbc.sql("update cache_version set version = version + 1 where id = 1").update();
    }

    /**
     * Invalidates this node's caches once the current transaction has ended (immediately without one): invalidating
     * before the commit would let a concurrent reader cache the old row under the new generation.
     */
    public void changedHere() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    /** One poll: reads the shared version and moves the generation when it changed. */
    void poll() {
        long started = System.nanoTime();
        long version = jdbc.sql("select version from cache_version where id = 1").query(Long.class).single();
        if (version != knownVersion) {
            generation.incrementAndGet();
            knownVersion = version;
        }
        confirmedAt = started; // after the generation moved, see current()
        confirmed = true;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the caches stop serving once the bound has passed without a poll, so a failed poll costs speed only
            log.warn("cache version poll failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        pollQuietly();
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-cache-version");
            t.setDaemon(true);
            return t;
        });
        e.scheduleWithFixedDelay(this::pollQuietly, POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        poller = e;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = poller;
        poller = null;
        confirmed = false;
        if (e != null) {
            e.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
