package org.openoqs.core.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.registry.RegistryContents;

/**
 * A set of synthetic people with their qualifications and My Number Cards. Immutable.
 *
 * <ul>
 *   <li>{@link #generate(long, int, LocalDate)} — deterministic random population (same seed and date → identical
 *       data), person ids {@code G…};</li>
 *   <li>{@link #personas()} — the fixed, hand-designed {@link Personas}, person ids {@code P…};</li>
 *   <li>{@link #standard(long, int, LocalDate)} — what the central service loads: personas plus generated people.
 *       The generator never uses a persona's insurer number, so the two never collide.</li>
 * </ul>
 */
public record SyntheticPopulation(List<Person> persons, List<Qualification> qualifications, List<MyNumberCard> cards)
        implements RegistryContents {

    public SyntheticPopulation {
        persons = List.copyOf(persons);
        qualifications = List.copyOf(qualifications);
        cards = List.copyOf(cards);
    }

    /**
     * Generates {@code size} synthetic people (households, insurers, certificates, cards) as of {@code today}.
     * Deterministic: the same {@code seed}, {@code size} and {@code today} always give identical data.
     */
    public static SyntheticPopulation generate(long seed, int size, LocalDate today) {
        return new PopulationGenerator(seed, today).generate(size);
    }

    /** The personas alone ({@link Personas#all()}, including their related people). */
    public static SyntheticPopulation personas() {
        return Personas.population();
    }

    /** Personas plus {@code size} generated people: the population the central service serves. */
    public static SyntheticPopulation standard(long seed, int size, LocalDate today) {
        return personas().plus(generate(seed, size, today));
    }

    /** This population followed by {@code other}. */
    public SyntheticPopulation plus(SyntheticPopulation other) {
        List<Person> p = new ArrayList<>(persons);
        p.addAll(other.persons);
        List<Qualification> q = new ArrayList<>(qualifications);
        q.addAll(other.qualifications);
        List<MyNumberCard> c = new ArrayList<>(cards);
        c.addAll(other.cards);
        return new SyntheticPopulation(p, q, c);
    }

    public int size() {
        return persons.size();
    }
}
