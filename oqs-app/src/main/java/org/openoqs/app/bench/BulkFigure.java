package org.openoqs.app.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.openoqs.core.bulk.BulkUploadFiles;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.server.ServerConfig;

/**
 * The 一括照会 figure of {@code oqs bench}: against the running demo, a warm-up job of 1,000 persons, then {@code runs}
 * jobs of {@code persons} persons from drop to final {@code 02res} ({@link BulkRoundTrip}). The persons are those the
 * demo seeded today (same generator, same seed), so every entry is a real lookup.
 */
final class BulkFigure {

    /** The runs' times, in the order measured. */
    record Figures(double[] seconds, double firstSeconds, int units) {
        double medianSeconds() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private BulkFigure() {
    }

    /**
     * @param idPrefix names the jobs' files ({@code <prefix>warm}, {@code <prefix>00}, …): every measurement of one
     *     demo needs its own, or it would find the results of an earlier one already in {@code res}
     */
    static Figures measure(Properties demo, int persons, int runs, String idPrefix)
            throws IOException, InterruptedException {
        String code = demo.getProperty("institution.code");
        Path req = Path.of(demo.getProperty("req.dir"));
        Path res = Path.of(demo.getProperty("res.dir"));
        LocalDate today = LocalDate.now(ServerConfig.TOKYO);
        SyntheticPopulation population = SyntheticPopulation.standard(ServerConfig.POPULATION_SEED,
                ServerConfig.DEFAULT_POPULATION_SIZE, today);
        BulkRoundTrip.run(req, res, upload(population, 1000, code, today), code, idPrefix + "warm");
        byte[] file = upload(population, persons, code, today);
        double[] seconds = new double[runs];
        int units = 0;
        for (int i = 0; i < runs; i++) {
            BulkRoundTrip.Timing t = BulkRoundTrip.run(req, res, file, code, String.format(Locale.ROOT, "%s%02d", idPrefix, i));
            seconds[i] = t.totalMillis() / 1000.0;
            units = t.units();
        }
        return new Figures(seconds, seconds[0], units);
    }

    private static byte[] upload(SyntheticPopulation population, int persons, String code, LocalDate today)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BulkUploadFiles.qualificationUpload(population, persons, code, today, "oqs-bench", CharacterCode.UTF_8, out);
        return out.toByteArray();
    }
}
