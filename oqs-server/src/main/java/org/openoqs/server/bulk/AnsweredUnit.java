package org.openoqs.server.bulk;

import java.util.Objects;
import java.util.Set;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.xml.XmlNode;

/**
 * The answer of one entry before it is stored.
 *
 * @param seq the entry
 * @param unit the {@code BulkConfirmUnit} / {@code BulkRegistrationUnit} element
 * @param personIds registry ids whose records the unit carries (for the audit trail)
 */
public record AnsweredUnit(int seq, ProcessingResultStatus status, String resultCode, XmlNode unit,
                           Set<String> personIds) {

    public AnsweredUnit {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(unit, "unit");
        personIds = personIds == null ? Set.of() : Set.copyOf(personIds);
    }
}
