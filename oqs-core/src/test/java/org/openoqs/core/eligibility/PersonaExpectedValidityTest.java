package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;

/** Every persona answers its expected validity for any confirmation date of the window 2020-04-01 … 2040-12-31. */
class PersonaExpectedValidityTest {

    static Stream<Arguments> personasAndDates() {
        LocalDate[] dates = {Personas.VALID_FROM, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 11, 25), Personas.VALID_UNTIL};
        return Personas.all().stream().flatMap(p -> Stream.of(dates).map(d -> Arguments.of(p.key(), d)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("personasAndDates")
    void answersTheExpectedValidity(String key, LocalDate date) {
        Persona p = Personas.byKey(key).orElseThrow();
        QualificationResultBody body = SERVICE.answer(p.inquiry(), date, true, null, NOW);
        assertThat(body.processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
        assertThat(body.qualificationValidity()).isEqualTo(p.expectedValidity());
        assertThat(body.searchInfoEcho()).isSameAs(p.inquiry());
        body.results().forEach(r -> assertThat(r.arbitraryIdentifier()).isEqualTo(key));
    }
}
