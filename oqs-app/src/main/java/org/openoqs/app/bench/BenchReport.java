package org.openoqs.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code oqs bench} prints: each figure with its target and the ratio that compares them — ≤ 1 meets the
 * target, for "at most" targets measured/target and for "at least" targets target/measured — and floors, what the
 * bare operation costs on this machine, so the figures can be read on a noisy machine. Figures whose feature this
 * build lacks are listed as such rather than left out.
 */
final class BenchReport {

    private enum Kind { AT_MOST, AT_LEAST, FLOOR, NOT_AVAILABLE }

    private record Row(Kind kind, String figure, double measured, String unit, double target, String note) {
        double ratio() {
            return kind == Kind.AT_LEAST ? target / measured : measured / target;
        }

        boolean meets() {
            return kind == Kind.AT_LEAST ? measured >= target : measured <= target;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure that should stay at or below its target (times, latencies). */
    void atMost(String figure, double measured, String unit, double target) {
        rows.add(new Row(Kind.AT_MOST, figure, measured, unit, target, null));
    }

    /** A figure that should reach at least its target (throughput). */
    void atLeast(String figure, double measured, String unit, double target) {
        rows.add(new Row(Kind.AT_LEAST, figure, measured, unit, target, null));
    }

    /** A reference figure without target. */
    void floor(String figure, double measured, String unit, String note) {
        rows.add(new Row(Kind.FLOOR, figure, measured, unit, Double.NaN, note));
    }

    /** A figure this build cannot measure, with its target for the record. */
    void notAvailable(String figure, String target) {
        rows.add(new Row(Kind.NOT_AVAILABLE, figure, Double.NaN, "", Double.NaN, target));
    }

    void print(PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-60s %14s %14s %8s  %s", "figure", "measured", "target", "ratio",
                "verdict"));
        for (Row row : rows) {
            switch (row.kind()) {
                case NOT_AVAILABLE -> out.println(String.format(Locale.ROOT, "%-60s %14s %14s %8s  %s", row.figure(),
                        "-", row.note(), "-", "not available in this build"));
                case FLOOR -> out.println(String.format(Locale.ROOT, "%-60s %14s %14s %8s  %s", row.figure(),
                        measured(row), "-", "-", row.note()));
                default -> out.println(String.format(Locale.ROOT, "%-60s %14s %14s %8.2f  %s", row.figure(),
                        measured(row), String.format(Locale.ROOT, "%s %s %s",
                                row.kind() == Kind.AT_LEAST ? "≥" : "≤", number(row.target()), row.unit()),
                        row.ratio(), row.meets() ? "meets target" : "MISSES target"));
            }
        }
    }

    boolean allTargetsMet() {
        return rows.stream().filter(r -> r.kind() == Kind.AT_MOST || r.kind() == Kind.AT_LEAST).allMatch(Row::meets);
    }

    private static String measured(Row row) {
        return number(row.measured()) + " " + row.unit();
    }

    private static String number(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
