package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyntheticPopulationDeterminismTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Test
    void sameSeedGivesIdenticalData() {
        SyntheticPopulation a = SyntheticPopulation.generate(42L, 3000, TODAY);
        SyntheticPopulation b = SyntheticPopulation.generate(42L, 3000, TODAY);
        assertThat(a).isEqualTo(b);
        assertThat(a.persons()).hasSize(3000);
    }

    @Test
    void differentSeedGivesDifferentData() {
        SyntheticPopulation a = SyntheticPopulation.generate(1L, 500, TODAY);
        SyntheticPopulation b = SyntheticPopulation.generate(2L, 500, TODAY);
        assertThat(a.persons()).isNotEqualTo(b.persons());
    }

    @Test
    void exactSizeIsHonoured() {
        for (int size : new int[] {0, 1, 2, 7, 101}) {
            assertThat(SyntheticPopulation.generate(7L, size, TODAY).persons()).hasSize(size);
        }
    }

    @Test
    void standardIsPersonasFollowedByGeneratedPeople() {
        SyntheticPopulation standard = SyntheticPopulation.standard(42L, 100, TODAY);
        SyntheticPopulation personas = SyntheticPopulation.personas();
        assertThat(standard.size()).isEqualTo(personas.size() + 100);
        assertThat(standard.persons().subList(0, personas.size())).isEqualTo(personas.persons());
    }
}
