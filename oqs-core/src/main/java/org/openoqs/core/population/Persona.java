package org.openoqs.core.population;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/**
 * A fixed, hand-designed synthetic test patient (see docs/personas.md). Stable across versions and independent
 * of the generator seed: the expected validity holds for every confirmation date from 2020-04-01 to 2040-12-31.
 *
 * @param key short ASCII key, e.g. {@code shaho-honnin}
 * @param title short Japanese label, e.g. {@code 社保 本人}
 * @param description Japanese description of what the persona exercises
 * @param person the patient at the counter
 * @param qualifications the patient's qualifications (empty for a patient unknown to every insurer)
 * @param card the patient's My Number Card, or {@code null}
 * @param inquiry the number inquiry a facility sends for this patient (consent to 限度額 = 1, ArbitraryIdentifier = key)
 * @param expectedValidity the QualificationValidity (OQSCD006) the inquiry answers, for a facility that has
 *        opted into 医療扶助
 * @param relatedPersons other people the persona needs (the 被保険者 of a family member, a twin)
 * @param relatedQualifications their qualifications
 */
public record Persona(
        String key,
        String title,
        String description,
        Person person,
        List<Qualification> qualifications,
        MyNumberCard card,
        QualificationConfirmSearchInfo inquiry,
        QualificationValidity expectedValidity,
        List<Person> relatedPersons,
        List<Qualification> relatedQualifications) {

    public Persona {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(inquiry, "inquiry");
        Objects.requireNonNull(expectedValidity, "expectedValidity");
        qualifications = List.copyOf(qualifications);
        relatedPersons = List.copyOf(relatedPersons);
        relatedQualifications = List.copyOf(relatedQualifications);
    }

    public Optional<MyNumberCard> cardOptional() {
        return Optional.ofNullable(card);
    }
}
