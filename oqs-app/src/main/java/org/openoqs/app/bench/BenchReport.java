package org.openoqs.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table {@code oqs bench} prints: each figure with its target and the ratio measured/target (≤ 1 meets
 * the target), and floors — what the bare operation costs on this machine — so the figures can be read on a
 * noisy machine.
 */
final class BenchReport {

    private record Row(String figure, double measured, String unit, Double target, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** A figure that should stay at or below its target (times). */
    void atMost(String figure, double measured, String unit, double target) {
        rows.add(new Row(figure, measured, unit, target, null));
    }

    /** A reference figure without target. */
    void floor(String figure, double measured, String unit, String note) {
        rows.add(new Row(figure, measured, unit, null, note));
    }

    void print(PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-52s %12s %12s %8s  %s", "figure", "measured", "target", "ratio", "verdict"));
        for (Row row : rows) {
            String measured = String.format(Locale.ROOT, "%.2f %s", row.measured(), row.unit());
            if (row.target() == null) {
                out.println(String.format(Locale.ROOT, "%-52s %12s %12s %8s  %s", row.figure(), measured, "-", "-",
                        row.note()));
                continue;
            }
            double ratio = row.measured() / row.target();
            out.println(String.format(Locale.ROOT, "%-52s %12s %12s %8.2f  %s", row.figure(), measured,
                    String.format(Locale.ROOT, "≤ %.0f %s", row.target(), row.unit()), ratio,
                    ratio <= 1.0 ? "meets target" : "MISSES target"));
        }
    }

    boolean allTargetsMet() {
        return rows.stream().filter(r -> r.target() != null).allMatch(r -> r.measured() <= r.target());
    }
}
