package org.openoqs.core.medical;

import java.time.LocalDate;

/** An operation (手術) from the claims: date, code shaped like a K-code, name, facility. */
public record Surgery(LocalDate date, String code, String name, String institutionName) {
}
