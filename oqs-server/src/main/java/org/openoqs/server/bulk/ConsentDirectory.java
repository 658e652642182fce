package org.openoqs.server.bulk;

import java.util.Collection;
import java.util.Map;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;

/** The consents the care-setting answers show, read for many persons at once. */
public interface ConsentDirectory {

    /**
     * For each of {@code personIds} with any: the newest consent per category the person gave the facility, in force
     * or not — the same rule as {@link org.openoqs.server.consent.ConsentService#latest} for one person.
     */
    Map<String, Map<ConsentCategory, ConsentRecord>> latestConsents(String institutionCode, Collection<String> personIds);
}
