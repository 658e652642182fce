package org.openoqs.server.clins;

import java.time.LocalDate;
import java.util.List;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.clins.ClinsKind;
import org.openoqs.core.clins.ClinsMemberId;

/**
 * A Bundle that passed the registration rules, reduced to what is stored: its identifier, the patient key (and the
 * FHIRPath to blame if it names nobody), the tagged resource type and one {@link Entry} per resource after the
 * Patient. No entries means a Patient-only Bundle: delete.
 */
record ClinsUpload(ClinsBundleIdentifier identifier, ClinsMemberId memberId, String memberIdLocation,
        LocalDate birthDate, String resourceType, List<Entry> entries) {

    /**
     * @param index        position in Bundle.entry, for the resource's JSON
     * @param itemKey      {@code system|code} of the first coding (検査: the series the last-three rule counts)
     * @param clinicalDate onset / recorded / effective date, {@code null} when the resource has none
     */
    record Entry(int index, ClinsKind kind, String itemKey, String display, LocalDate clinicalDate, boolean unconfirmed,
            boolean undelivered, boolean uninformed, boolean longTerm) {
    }

    boolean deletes() {
        return entries.isEmpty();
    }
}
