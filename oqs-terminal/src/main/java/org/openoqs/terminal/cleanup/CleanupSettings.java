package org.openoqs.terminal.cleanup;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the {@link LeftoverFileCleaner}.
 *
 * @param retention how long a result may wait in {@code res}/{@code face} before it counts as forgotten
 *                  (消し忘れ) and is deleted; the real setting is in minutes, installers use one day. Default 1440 min.
 * @param interval  how often the periodic run repeats (the real {@code OQS_exec_comappdelfile_periodic} task);
 *                  default 10 min. A run also happens at start ({@code OQS_exec_comappdelfile_running}).
 */
public record CleanupSettings(Duration retention, Duration interval) {

    public static final long DEFAULT_RETENTION_MINUTES = 1440;
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    public CleanupSettings {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(interval, "interval");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
    }

    public static CleanupSettings defaults() {
        return new CleanupSettings(Duration.ofMinutes(DEFAULT_RETENTION_MINUTES), DEFAULT_INTERVAL);
    }

    /** Retention in whole minutes, as the real setting is given; at least 1. */
    public static CleanupSettings ofRetentionMinutes(long minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("retention must be at least 1 minute: " + minutes);
        }
        return new CleanupSettings(Duration.ofMinutes(minutes), DEFAULT_INTERVAL);
    }

    public CleanupSettings withInterval(Duration value) {
        return new CleanupSettings(retention, value);
    }

    public CleanupSettings withRetention(Duration value) {
        return new CleanupSettings(value, interval);
    }
}
