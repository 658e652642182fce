package org.openoqs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.population.Personas;
import org.openoqs.core.population.SyntheticPopulation;

class InMemoryQualificationRegistryTest {

    private final InMemoryQualificationRegistry registry = new InMemoryQualificationRegistry(SyntheticPopulation.personas());

    @Test
    void findsByInsurerAndNormalisedNumber() {
        InsurerNumber kumiai = InsurerNumber.parse("06199905");
        assertThat(registry.findByNumbers(kumiai, "4501")).extracting(Qualification::insuredBranchNumber)
                .containsExactlyInAnyOrder("00", "01");
        assertThat(registry.findByNumbers(kumiai, "４５０１")).hasSize(2);
        assertThat(registry.findByNumbers(kumiai, "9999")).isEmpty();
        assertThat(registry.findByNumbers(InsurerNumber.parse("01199918"), "4501")).isEmpty();
    }

    @Test
    void indexesPersonsQualificationsAndCards() {
        var yoko = Personas.byKey("shin-shikaku").orElseThrow();
        assertThat(registry.qualificationsOf(yoko.person().personId())).hasSize(2);
        assertThat(registry.person(yoko.person().personId())).contains(yoko.person());
        assertThat(registry.card(yoko.card().cardId())).contains(yoko.card());
        assertThat(registry.cardsOf(yoko.person().personId())).containsExactly(yoko.card());
        assertThat(registry.person("missing")).isEmpty();
        assertThat(registry.qualificationsOf("missing")).isEmpty();
    }

    @Test
    void rejectsDuplicatePersonIds() {
        var p = Personas.all().get(0).person();
        assertThatThrownBy(() -> new InMemoryQualificationRegistry(List.of(p, p), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
