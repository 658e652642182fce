package org.openoqs.core.medical;

import java.time.LocalDate;
import java.util.List;

/** One 特定健診 (specific health check-up) with its results. */
public record HealthCheckup(LocalDate date, String institutionName, List<CheckupItem> items) {

    public HealthCheckup {
        items = List.copyOf(items);
    }
}
