package org.openoqs.core.subsidy;

import java.util.List;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.registry.Person;

/** PMH as the central service sees it: the 医療費助成 受給者証 municipalities registered for a person. */
public interface MedicalSubsidyRegistry {

    /** Every certificate registered for the person (in force or not), in a stable order. */
    List<MedicalSubsidyCertificate> certificatesOf(Person person);
}
