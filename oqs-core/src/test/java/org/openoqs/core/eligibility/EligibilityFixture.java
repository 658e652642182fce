package org.openoqs.core.eligibility;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;

/** Shared set-up: personas plus 2 000 generated people, as the server loads them. */
final class EligibilityFixture {

    static final LocalDate DATE = LocalDate.of(2026, 4, 1);
    static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 1, 9, 30, 15);
    static final InMemoryQualificationRegistry REGISTRY =
            new InMemoryQualificationRegistry(SyntheticPopulation.standard(42L, 2000, DATE));
    static final EligibilityService SERVICE = new EligibilityService(REGISTRY);

    private EligibilityFixture() {
    }

    static Persona persona(String key) {
        return Personas.byKey(key).orElseThrow();
    }

    static QualificationResultBody ask(QualificationConfirmSearchInfo info) {
        return SERVICE.answer(info, DATE, true, null, NOW);
    }

    static QualificationResultBody ask(String key) {
        return ask(persona(key).inquiry());
    }

    static QualificationConfirmSearchInfo with(QualificationConfirmSearchInfo i, String insurer, String symbol, String number,
            String branch, String birthdate, String consent) {
        return new QualificationConfirmSearchInfo(insurer, symbol, number, branch, birthdate, consent, i.arbitraryIdentifier());
    }
}
