package org.openoqs.core.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;

/** Histories are deterministic, inside their window, and check-ups exist only for ages 40–74. */
class MedicalHistoryGeneratorTest {

    @Test
    void sameInputsGiveTheSameHistoryInsideTheWindow() {
        Person taro = Personas.byKey("shaho-honnin").orElseThrow().person();
        LocalDate asOf = LocalDate.of(2026, 11, 25);
        MedicalHistory a = new MedicalHistoryGenerator(7).generate(taro, asOf);
        assertThat(new MedicalHistoryGenerator(7).generate(taro, asOf)).isEqualTo(a);
        assertThat(a.dispensings()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.dispensingDate()).isBetween(asOf.minusMonths(MedicalHistoryGenerator.HISTORY_MONTHS).withDayOfMonth(1), asOf);
            assertThat(d.drugs()).isNotEmpty();
        });
        Person child = Personas.byKey("fukusu-gaitou").orElseThrow().person();
        assertThat(new MedicalHistoryGenerator(7).generate(child, asOf).checkups()).isEmpty();
        Person older = Personas.byKey("kourei-jukyu").orElseThrow().person();
        assertThat(new MedicalHistoryGenerator(7).generate(older, asOf).checkups()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.items()).extracting(CheckupItem::name).contains("HbA1c（NGSP値）"));
    }
}
