package org.openoqs.core.medical;

import java.time.LocalDate;

/** A diagnosis (傷病名) from the claims: code shaped like a 傷病名コード (synthetic), name, start date, facility. */
public record Diagnosis(String code, String name, LocalDate startDate, String institutionName) {
}
