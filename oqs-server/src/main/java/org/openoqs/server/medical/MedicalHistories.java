package org.openoqs.server.medical;

import java.time.Clock;
import java.time.LocalDate;
import org.openoqs.core.medical.MedicalHistory;
import org.openoqs.core.medical.MedicalHistoryGenerator;
import org.openoqs.core.registry.Person;
import org.openoqs.server.ServerConfig;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's synthetic medical history, generated on demand from the population seed and anchored at the day the
 * registry was generated ({@code registry_meta.population_date}), so it is the same on every node and every day.
 */
@Component
public class MedicalHistories {

    private final MedicalHistoryGenerator generator = new MedicalHistoryGenerator(ServerConfig.POPULATION_SEED);
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile LocalDate historyDate;

    public MedicalHistories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public MedicalHistory of(Person person) {
        return generator.generate(person, historyDate());
    }

    private LocalDate historyDate() {
        LocalDate d = historyDate;
        if (d == null) {
            d = jdbc.sql("select population_date from registry_meta where id = 1").query(LocalDate.class).optional()
                    .orElse(null);
            d = d == null ? LocalDate.now(clock) : d;
            historyDate = d;
        }
        return d;
    }
}
