package org.openoqs.server.bulk;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.server.facility.Facility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/** Answers the entries of one bulk flow; one implementation per {@link BulkKind} (or group of kinds). */
public interface UnitAnswerer {

    /** True for the flows this answerer serves. */
    boolean serves(BulkKind kind);

    /**
     * Answers the entries of one chunk, in the worker's transaction. A database failure must propagate (the chunk
     * is then retried as a whole); any other failure of one entry gives that entry a
     * {@link org.openoqs.core.error.ErrorCode#BULK_ENTRY_FAILED} unit ({@link #eachEntry}).
     */
    List<AnsweredUnit> answer(BulkJobStore.Job job, Facility facility, List<BulkJobStore.Entry> entries,
                              LocalDateTime now);

    /**
     * Applies {@code answer} to every entry; an entry whose answer throws anything but a database exception gets
     * {@code failed} instead, and the failure is logged (it is a bug, not bad input).
     */
    static List<AnsweredUnit> eachEntry(List<BulkJobStore.Entry> entries, Function<BulkJobStore.Entry, AnsweredUnit> answer,
                                        Function<BulkJobStore.Entry, AnsweredUnit> failed) {
        List<AnsweredUnit> out = new ArrayList<>(entries.size());
        for (BulkJobStore.Entry entry : entries) {
            try {
                out.add(answer.apply(entry));
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                Logger log = LoggerFactory.getLogger(UnitAnswerer.class);
                log.error("bulk entry {} could not be answered", entry.seq(), e);
                out.add(failed.apply(entry));
            }
        }
        return out;
    }
}
