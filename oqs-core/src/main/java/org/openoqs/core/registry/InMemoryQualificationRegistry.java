package org.openoqs.core.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.Internal;
import org.openoqs.core.number.InsurerNumber;

/** An immutable, hash-indexed registry for tests and simulators. Safe for concurrent readers. */
@Internal
public final class InMemoryQualificationRegistry implements QualificationRegistry {

    private final Map<String, List<Qualification>> byNumbers = new HashMap<>();
    private final Map<String, List<Qualification>> byPerson = new HashMap<>();
    private final Map<String, Person> persons = new HashMap<>();
    private final Map<String, MyNumberCard> cards = new HashMap<>();
    private final Map<String, List<MyNumberCard>> cardsByPerson = new HashMap<>();

    public InMemoryQualificationRegistry(RegistryContents contents) {
        this(contents.persons(), contents.qualifications(), contents.cards());
    }

    public InMemoryQualificationRegistry(Collection<Person> persons, Collection<Qualification> qualifications,
            Collection<MyNumberCard> cards) {
        for (Person p : persons) {
            if (this.persons.putIfAbsent(p.personId(), p) != null) {
                throw new IllegalArgumentException("duplicate person id " + p.personId());
            }
        }
        for (Qualification q : qualifications) {
            byNumbers.computeIfAbsent(key(q.insurerNumber(), q.insuredIdentificationNumber()), k -> new ArrayList<>()).add(q);
            byPerson.computeIfAbsent(q.personId(), k -> new ArrayList<>()).add(q);
        }
        for (MyNumberCard c : cards) {
            if (this.cards.putIfAbsent(c.cardId(), c) != null) {
                throw new IllegalArgumentException("duplicate card id " + c.cardId());
            }
            cardsByPerson.computeIfAbsent(c.personId(), k -> new ArrayList<>()).add(c);
        }
        byNumbers.replaceAll((k, v) -> List.copyOf(v));
        byPerson.replaceAll((k, v) -> List.copyOf(v));
        cardsByPerson.replaceAll((k, v) -> List.copyOf(v));
    }

    private static String key(InsurerNumber insurer, String number) {
        return insurer.digits() + '|' + InsuranceIdentifiers.normalize(number);
    }

    @Override
    public List<Qualification> findByNumbers(InsurerNumber insurer, String insuredIdentificationNumber) {
        return byNumbers.getOrDefault(key(insurer, insuredIdentificationNumber), List.of());
    }

    @Override
    public List<Qualification> qualificationsOf(String personId) {
        return byPerson.getOrDefault(personId, List.of());
    }

    @Override
    public Optional<Person> person(String personId) {
        return Optional.ofNullable(persons.get(personId));
    }

    /** The card with this id. */
    public Optional<MyNumberCard> card(String cardId) {
        return Optional.ofNullable(cards.get(cardId));
    }

    /** Every card of a person (normally at most one). */
    public List<MyNumberCard> cardsOf(String personId) {
        return cardsByPerson.getOrDefault(personId, List.of());
    }

    public int personCount() {
        return persons.size();
    }
}
