package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/** Personas and generated people share one registry in the server: nothing may collide. */
class PersonaCollisionTest {

    @Test
    void generatorNeverUsesAPersonaInsurerOrNumber() {
        SyntheticPopulation personas = Personas.population();
        Set<String> personaInsurers = personas.qualifications().stream().map(q -> q.insurerNumber().digits())
                .collect(Collectors.toSet());
        Personas.all().forEach(p -> personaInsurers.add(InsurerNumber.parse(p.inquiry().insurerNumber()).digits()));
        Set<String> catalogue = PopulationGenerator.catalogue().stream().map(i -> i.number().digits())
                .collect(Collectors.toSet());
        assertThat(catalogue).doesNotContainAnyElementsOf(personaInsurers);
        for (PopulationGenerator.Insurer insurer : PopulationGenerator.catalogue()) {
            String digits = insurer.number().digits();
            int insurerPart = Integer.parseInt(digits.substring(digits.length() - 4, digits.length() - 1));
            assertThat(insurerPart).as(digits).isLessThan(PopulationGenerator.RESERVED_FOR_PERSONAS);
        }

        for (long seed : new long[] {1L, 42L, 20260401L}) {
            SyntheticPopulation generated = SyntheticPopulation.generate(seed, 10_000, LocalDate.of(2026, 4, 1));
            Set<String> generatedInsurers = generated.qualifications().stream().map(q -> q.insurerNumber().digits())
                    .collect(Collectors.toSet());
            assertThat(generatedInsurers).doesNotContainAnyElementsOf(personaInsurers);
            assertThat(ids(generated.persons().stream().map(Person::personId)))
                    .doesNotContainAnyElementsOf(ids(personas.persons().stream().map(Person::personId)));
            assertThat(ids(generated.qualifications().stream().map(Qualification::qualificationId)))
                    .doesNotContainAnyElementsOf(ids(personas.qualifications().stream().map(Qualification::qualificationId)));
            assertThat(ids(generated.cards().stream().map(MyNumberCard::cardId)))
                    .doesNotContainAnyElementsOf(ids(personas.cards().stream().map(MyNumberCard::cardId)));
        }
    }

    @Test
    void generatedNumbersAreUniquePerInsurer() {
        SyntheticPopulation generated = SyntheticPopulation.generate(5L, 10_000, LocalDate.of(2026, 4, 1));
        // one household = one (insurer, number); a number never spans two households
        var byNumber = generated.qualifications().stream().collect(Collectors.groupingBy(
                q -> q.insurerNumber().digits() + "|" + q.insuredIdentificationNumber(),
                Collectors.mapping(q -> q.insuredName() + "|" + q.insuredCardSymbol(), Collectors.toSet())));
        byNumber.forEach((k, v) -> assertThat(v).as(k).hasSize(1));
    }

    private static Set<String> ids(java.util.stream.Stream<String> s) {
        return s.collect(Collectors.toSet());
    }
}
