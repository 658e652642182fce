package org.openoqs.core.registry;

import java.util.List;
import java.util.Optional;
import org.openoqs.core.Internal;
import org.openoqs.core.number.InsurerNumber;

/**
 * The insurers' qualification registry as the eligibility rules see it. The central service implements it on
 * its database; {@link InMemoryQualificationRegistry} serves tests and simulators. Implementations must be
 * safe for concurrent readers.
 */
@Internal
public interface QualificationRegistry {

    /**
     * Every qualification (valid or lost) registered under this insurer number and 番号. Comparison of the 番号
     * uses {@link InsuranceIdentifiers#normalize(String)} on both sides (a database implementation stores the
     * normalised form in its own column); callers may pass the number raw or already normalised. 記号, 枝番 and
     * birthdate are checked by the caller. Order is not significant. Never {@code null}.
     */
    List<Qualification> findByNumbers(InsurerNumber insurer, String insuredIdentificationNumber);

    /** Every qualification of a person, valid or lost. Never {@code null}. */
    List<Qualification> qualificationsOf(String personId);

    /** The person with this id. */
    Optional<Person> person(String personId);
}
