package org.openoqs.core.clins;

import java.time.LocalDate;

/**
 * One shown 電子カルテ情報 item, as the {@code CIPsiquc01res_} envelope lists it next to the FHIR JSON (docs/clins.md).
 *
 * @param fullUrl       the entry's fullUrl in the carried FHIR Bundle
 * @param clinicalDate  onset / recorded / effective date, {@code null} when the resource has none
 * @param uninformed    未告知 (UNINFORMED tag): show it with the notice that the patient has not been told
 */
public record ClinsItemSummary(ClinsKind kind, String name, LocalDate clinicalDate, LocalDate registeredDate,
        String institutionCode, boolean uninformed, String fullUrl) {
}
