package org.openoqs.terminal.linkage;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of a {@link LinkageAgent}. Start from {@link #defaults()} and adjust with the {@code with…} methods.
 *
 * @param maxConcurrent     requests processed at the same time; more work queues, it is never refused.
 *                          Default 20, the real terminal's session limit.
 * @param rescanInterval    period of the full scan of {@code req} that backs up the folder watch. Default 1 s.
 * @param stableFor         how long size and modification time of a request file must stay unchanged before it is
 *                          taken, so that a file written in place (not renamed into {@code req}) is only taken once
 *                          complete. A file is always looked at twice. Default 50 ms.
 * @param maxRequestBytes   larger request files are not read; the processor gets them flagged
 *                          {@link RequestFile#oversized()}. Default 10 MiB.
 * @param watchFolder       use a {@link java.nio.file.WatchService} on {@code req} for prompt pick-up. Turn off where
 *                          change notification is unreliable (some network file systems): pick-up then relies on the
 *                          rescan alone. Default on.
 * @param retryInitialDelay first delay before a failed request is tried again; doubles per failure. Default 1 s.
 * @param retryMaxDelay     upper bound of the retry delay. Default 1 min.
 * @param shutdownTimeout   how long {@link LinkageAgent#close()} waits for requests being processed. Default 30 s.
 * @param serviceOutageTimeout how long a request may wait for an unreachable central service (counted from the
 *                          moment the agent took it) before it is answered with the processor's "service unavailable"
 *                          error result ({@link RequestProcessor#answerServiceUnavailable}) instead of being retried
 *                          again. Default 120 s: well inside the 3 minutes レセコン products commonly wait for a
 *                          result, even when the last attempt runs into the 15 s request timeout, so the clerk sees
 *                          a specific error rather than a silent time-out (docs/reliability.md).
 */
public record LinkageSettings(int maxConcurrent, Duration rescanInterval, Duration stableFor, long maxRequestBytes,
                              boolean watchFolder, Duration retryInitialDelay, Duration retryMaxDelay,
                              Duration shutdownTimeout, Duration serviceOutageTimeout) {

    public static final int DEFAULT_MAX_CONCURRENT = 20;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_SERVICE_OUTAGE_TIMEOUT = Duration.ofSeconds(120);

    public LinkageSettings {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (maxRequestBytes < 0) {
            throw new IllegalArgumentException("maxRequestBytes must not be negative: " + maxRequestBytes);
        }
        requirePositive("rescanInterval", rescanInterval);
        requireNotNegative("stableFor", stableFor);
        requirePositive("retryInitialDelay", retryInitialDelay);
        requirePositive("retryMaxDelay", retryMaxDelay);
        requireNotNegative("shutdownTimeout", shutdownTimeout);
        requirePositive("serviceOutageTimeout", serviceOutageTimeout);
        if (retryMaxDelay.compareTo(retryInitialDelay) < 0) {
            throw new IllegalArgumentException("retryMaxDelay must not be shorter than retryInitialDelay");
        }
    }

    /** The four main settings; the others take their defaults. */
    public LinkageSettings(int maxConcurrent, Duration rescanInterval, Duration stableFor, long maxRequestBytes) {
        this(maxConcurrent, rescanInterval, stableFor, maxRequestBytes, true, Duration.ofSeconds(1),
                Duration.ofMinutes(1), Duration.ofSeconds(30), DEFAULT_SERVICE_OUTAGE_TIMEOUT);
    }

    public static LinkageSettings defaults() {
        return new LinkageSettings(DEFAULT_MAX_CONCURRENT, Duration.ofSeconds(1), Duration.ofMillis(50),
                DEFAULT_MAX_REQUEST_BYTES);
    }

    public LinkageSettings withMaxConcurrent(int value) {
        return new LinkageSettings(value, rescanInterval, stableFor, maxRequestBytes, watchFolder, retryInitialDelay,
                retryMaxDelay, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withRescanInterval(Duration value) {
        return new LinkageSettings(maxConcurrent, value, stableFor, maxRequestBytes, watchFolder, retryInitialDelay,
                retryMaxDelay, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withStableFor(Duration value) {
        return new LinkageSettings(maxConcurrent, rescanInterval, value, maxRequestBytes, watchFolder,
                retryInitialDelay, retryMaxDelay, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withMaxRequestBytes(long value) {
        return new LinkageSettings(maxConcurrent, rescanInterval, stableFor, value, watchFolder, retryInitialDelay,
                retryMaxDelay, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withWatchFolder(boolean value) {
        return new LinkageSettings(maxConcurrent, rescanInterval, stableFor, maxRequestBytes, value,
                retryInitialDelay, retryMaxDelay, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withRetryDelays(Duration initial, Duration max) {
        return new LinkageSettings(maxConcurrent, rescanInterval, stableFor, maxRequestBytes, watchFolder, initial,
                max, shutdownTimeout, serviceOutageTimeout);
    }

    public LinkageSettings withShutdownTimeout(Duration value) {
        return new LinkageSettings(maxConcurrent, rescanInterval, stableFor, maxRequestBytes, watchFolder,
                retryInitialDelay, retryMaxDelay, value, serviceOutageTimeout);
    }

    public LinkageSettings withServiceOutageTimeout(Duration value) {
        return new LinkageSettings(maxConcurrent, rescanInterval, stableFor, maxRequestBytes, watchFolder,
                retryInitialDelay, retryMaxDelay, shutdownTimeout, value);
    }

    /** The delay before retry number {@code failures} (1-based): exponential, capped at {@link #retryMaxDelay()}. */
    Duration retryDelay(int failures) {
        Duration delay = retryInitialDelay.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 20));
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }
}
