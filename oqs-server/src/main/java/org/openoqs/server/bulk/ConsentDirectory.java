package org.openoqs.server.bulk;

import java.util.Collection;
import java.util.Map;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.MedicalTreatmentFlag;

/** The consents the care-setting answers show, read for many persons at once. */
public interface ConsentDirectory {

    /**
     * For each of {@code personIds} with any: the latest consent per category given at the facility for
     * {@code treatment}.
     */
    Map<String, Map<ConsentCategory, ConsentRecord>> latestConsents(String institutionCode, MedicalTreatmentFlag treatment,
                                                                   Collection<String> personIds);
}
