package org.openoqs.server.inquiry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.registry.QualificationRegistry;

/**
 * A per-request view of the registry that remembers which persons were read, so the audit trail can name the
 * (opaque) registry ids whose records a facility received. Not thread-safe; one per request.
 */
public final class AccessRecordingRegistry implements QualificationRegistry {

    private final QualificationRegistry delegate;
    private final Map<String, Person> persons = new LinkedHashMap<>();

    public AccessRecordingRegistry(QualificationRegistry delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<Qualification> findByNumbers(InsurerNumber insurer, String insuredIdentificationNumber) {
        return delegate.findByNumbers(insurer, insuredIdentificationNumber);
    }

    @Override
    public List<Qualification> qualificationsOf(String personId) {
        return delegate.qualificationsOf(personId);
    }

    @Override
    public Optional<Person> person(String personId) {
        Optional<Person> p = delegate.person(personId);
        p.ifPresent(found -> persons.putIfAbsent(found.personId(), found));
        return p;
    }

    /** Ids of the persons read whose birthdate is {@code birthdate} (the ones a number inquiry matched). */
    public Set<String> personsBornOn(LocalDate birthdate) {
        Set<String> ids = new LinkedHashSet<>();
        for (Person p : persons.values()) {
            if (birthdate != null && birthdate.equals(p.birthdate())) {
                ids.add(p.personId());
            }
        }
        return ids;
    }
}
