package org.openoqs.server.bulk;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tuning of the bulk flows, from the {@code openoqs.bulk.*} properties (system properties work, since the service
 * reads no properties file). Defaults suit the 2-core reference machine.
 *
 * <ul>
 *   <li>{@code openoqs.bulk.chunk-size} (250): entries answered per claim and transaction;</li>
 *   <li>{@code openoqs.bulk.workers} (2): worker threads of this instance; 0 leaves the work to other instances;</li>
 *   <li>{@code openoqs.bulk.poll-interval-ms} (250): how often an idle worker looks for work another instance
 *       stored (work stored by this instance wakes its workers at once);</li>
 *   <li>{@code openoqs.bulk.max-entries} (100,000) and {@code openoqs.bulk.max-bytes} (64 MiB): upload limits;</li>
 *   <li>{@code openoqs.bulk.retention-days} (30): how long a job and its result are kept after it was received.</li>
 * </ul>
 */
@Component
public class BulkSettings {

    private final int chunkSize;
    private final int workers;
    private final Duration pollInterval;
    private final int maxEntries;
    private final long maxBytes;
    private final Duration retention;

    @Autowired
    public BulkSettings(Environment environment) {
        this(environment.getProperty("openoqs.bulk.chunk-size", Integer.class, 250),
                environment.getProperty("openoqs.bulk.workers", Integer.class, 2),
                Duration.ofMillis(environment.getProperty("openoqs.bulk.poll-interval-ms", Long.class, 250L)),
                environment.getProperty("openoqs.bulk.max-entries", Integer.class, 100_000),
                environment.getProperty("openoqs.bulk.max-bytes", Long.class, 64L * 1024 * 1024),
                Duration.ofDays(environment.getProperty("openoqs.bulk.retention-days", Integer.class, 30)));
    }

    BulkSettings(int chunkSize, int workers, Duration pollInterval, int maxEntries, long maxBytes, Duration retention) {
        if (chunkSize < 1 || workers < 0 || pollInterval.isNegative() || pollInterval.isZero() || maxEntries < 1
                || maxBytes < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("invalid bulk settings");
        }
        this.chunkSize = chunkSize;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.retention = retention;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int workers() {
        return workers;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int maxEntries() {
        return maxEntries;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration retention() {
        return retention;
    }
}
