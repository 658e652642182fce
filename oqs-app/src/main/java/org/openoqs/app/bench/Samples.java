package org.openoqs.app.bench;

import java.util.Arrays;

/** Measured durations (nanoseconds) and the statistics the benchmark prints. */
final class Samples {

    private long[] nanos;
    private int count;

    Samples(int capacity) {
        nanos = new long[Math.max(capacity, 16)];
    }

    /** All samples of several recorders (one per load-generating thread) together. */
    static Samples merged(Iterable<Samples> parts) {
        Samples all = new Samples(1024);
        for (Samples part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.nanos[i]);
            }
        }
        return all;
    }

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = durationNanos;
    }

    double medianMillis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    /** Nearest-rank percentile. */
    double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }

    int count() {
        return count;
    }
}
