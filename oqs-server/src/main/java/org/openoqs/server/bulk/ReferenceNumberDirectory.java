package org.openoqs.server.bulk;

import java.util.Collection;
import java.util.Map;

/** The facility's 照会番号 of persons, as the bulk answers need them (many at once). */
public interface ReferenceNumberDirectory {

    /** {@code personId → 照会番号} for those of {@code personIds} the facility registered; others are absent. */
    Map<String, String> referenceNumbers(String institutionCode, Collection<String> personIds);
}
