package org.openoqs.app.bench;

import java.util.Arrays;

/** Measured durations (nanoseconds) and the statistics the benchmark prints. */
final class Samples {

    private final long[] nanos;
    private int count;

    Samples(int capacity) {
        nanos = new long[capacity];
    }

    void add(long durationNanos) {
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
