package org.openoqs.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit of refusals nobody can be held to: requests without a client certificate, or with one our CA did not
 * issue (its institution code is whatever the sender wrote, so it names no facility). Anyone who reaches the port
 * can send those at any rate; one audit row each would let them flood the audit trail and its writer. So per
 * window ({@code oqs.audit.anonymous-window}, one minute) and per source address, action and reason:
 * <ul>
 *   <li>the first refusal is written at once, in full (bounded like every entry), so an operator sees it
 *       immediately;</li>
 *   <li>the further ones are only counted, and written as one summary row when the window closes
 *       ({@code REFUSED <reason> repeated=<n>}, with the last request as a sample).</li>
 * </ul>
 * At most {@value #MAX_SOURCES} keys are tracked per window; refusals beyond that are counted together under the
 * source {@code *}. So an anonymous flood costs at most about two rows per key and window, whatever its size, and
 * no refusal goes uncounted. The facility is never taken from such a request.
 *
 * <p>Owned by {@link AuditLog} ({@link AuditLog#anonymousRefusals()}), which starts and stops it.
 */
public final class AnonymousRefusals {

    static final int MAX_SOURCES = 1000;
    /** The actor of every entry written here. */
    public static final String ACTOR = "anonymous";

    private static final Logger log = LoggerFactory.getLogger(AnonymousRefusals.class);

    private final AuditLog audit;
    private final Clock clock;
    private final Duration window;
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Map<Key, Tally> current = new ConcurrentHashMap<>();
    private volatile Instant windowStart;
    private ScheduledExecutorService scheduler;

    private record Key(String source, String action, String reason) {
    }

    private static final class Tally {
        final AtomicLong repeated = new AtomicLong();
        volatile String lastRequest;
    }

    AnonymousRefusals(AuditLog audit, Clock clock, Duration window) {
        this.audit = audit;
        this.clock = clock;
        this.window = window;
        this.windowStart = clock.instant();
    }

    /**
     * Records one refusal of an anonymous request (see the class comment for when it is written).
     *
     * @param sourceAddress the client's address
     * @param what          the request, e.g. {@code GET /web/login} (cut to the audit's limits when written)
     */
    public void refused(String sourceAddress, String what, String action, String reason) {
        String source = sourceAddress == null ? "-" : sourceAddress;
        boolean first;
        Key key;
        swap.readLock().lock();
        try {
            Map<Key, Tally> tallies = current;
            key = new Key(source, action, reason);
            if (!tallies.containsKey(key) && tallies.size() >= MAX_SOURCES) {
                key = new Key("*", action, reason);
            }
            Tally fresh = new Tally();
            Tally tally = tallies.putIfAbsent(key, fresh);
            first = tally == null && !key.source().equals("*");
            if (!first) {
                (tally == null ? fresh : tally).repeated.incrementAndGet();
                (tally == null ? fresh : tally).lastRequest = what;
            }
        } finally {
            swap.readLock().unlock();
        }
        if (first) {
            write(key, "from=" + source + " " + what, "REFUSED " + reason);
        }
    }

    /**
     * Closes the window: one summary row per key that had refusals after its first. Runs on its own schedule;
     * public so a test can close the window instead of waiting for it.
     */
    public void flush() {
        Map<Key, Tally> closed;
        Instant start;
        swap.writeLock().lock();
        try {
            closed = current;
            start = windowStart;
            current = new ConcurrentHashMap<>();
            windowStart = clock.instant();
        } finally {
            swap.writeLock().unlock();
        }
        closed.forEach((key, tally) -> {
            long n = tally.repeated.get();
            if (n > 0) {
                write(key, "from=" + key.source() + " since=" + start + " last=" + tally.lastRequest,
                        "REFUSED " + key.reason() + " repeated=" + n);
            }
        });
    }

    private void write(Key key, String subject, String outcome) {
        try {
            audit.append(null, ACTOR, key.action(), subject, outcome);
        } catch (RuntimeException e) {
            log.error("could not audit anonymous refusals ({} {})", key.action(), outcome, e);
        }
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-anonymous-refusals");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1000, window.toMillis());
        scheduler.scheduleAtFixedRate(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.error("could not flush anonymous refusals", e);
        }
    }

    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        flush(); // the audit log outlives this bean (it is a dependency), so the last window is kept
    }
}
