package org.openoqs.server.bulk;

import java.util.List;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.server.facility.Facility;

/**
 * Which persons a care-setting bulk upload is about (docs/bulk.md, "Who is selected"). Called once, in the
 * transaction that stores the job, so the job's persons are fixed when its 受付番号 is given out.
 */
public interface CareSettingSelection {

    /** Registry person ids, without duplicates, in a stable order. */
    List<String> select(BulkKind kind, Facility facility, CareSettingCriteria criteria);
}
