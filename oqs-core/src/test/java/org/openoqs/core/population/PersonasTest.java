package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.Person;

class PersonasTest {

    @Test
    void coversEveryCaseOfTheContract() {
        assertThat(Personas.all()).extracting(Persona::key).containsExactly(
                "shaho-honnin", "shaho-kazoku", "kokuho", "kouki", "kourei-jukyu", "gendogaku", "tokutei-shippei",
                "soushitsu", "shin-shikaku", "gaitou-nashi", "fukusu-gaitou", "iryo-fujo",
                "card-pin-locked", "card-cert-expired", "card-cert-revoked");
        assertThat(Personas.all()).extracting(Persona::expectedValidity)
                .contains(QualificationValidity.values());
        assertThat(Personas.all()).extracting(p -> p.card() == null ? null : p.card().status())
                .contains(CardStatus.ACTIVE, CardStatus.PIN_LOCKED, CardStatus.CERTIFICATE_EXPIRED,
                        CardStatus.CERTIFICATE_REVOKED);
    }

    @Test
    void keysAreShortAsciiAndLookupWorks() {
        for (Persona p : Personas.all()) {
            assertThat(p.key()).matches("[a-z0-9-]{2,24}");
            assertThat(Personas.byKey(p.key())).containsSame(p);
            assertThat(p.description()).isNotBlank();
            assertThat(p.title()).isNotBlank();
        }
        assertThat(Personas.byKey("nobody")).isEmpty();
    }

    @Test
    void identityIsStable() {
        // external test suites rely on these values: change them only with a release note
        Persona honnin = Personas.byKey("shaho-honnin").orElseThrow();
        assertThat(honnin.inquiry().insurerNumber()).isEqualTo("06199905");
        assertThat(honnin.inquiry().insuredCardSymbol()).isEqualTo("1201");
        assertThat(honnin.inquiry().insuredIdentificationNumber()).isEqualTo("4501");
        assertThat(honnin.inquiry().insuredBranchNumber()).isEqualTo("00");
        assertThat(honnin.inquiry().birthdate()).isEqualTo("19850412");
        assertThat(honnin.person().name()).isEqualTo("山田　太郎");
        assertThat(honnin.person().nameKana()).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(honnin.card().cardId()).isEqualTo("P000000000000001");
        assertThat(Personas.byKey("kokuho").orElseThrow().inquiry().insurerNumber()).isEqualTo("  199935");
    }

    @Test
    void numbersAreWellFormed() {
        for (Persona p : Personas.all()) {
            InsurerNumber insurer = InsurerNumber.parse(p.inquiry().insurerNumber());
            assertThat(p.inquiry().insurerNumber()).hasSize(8);
            assertThat(CheckDigit.isValid(insurer.digits())).isTrue();
            assertThat(p.inquiry().birthdate()).matches("\\d{8}");
            assertThat(p.inquiry().arbitraryIdentifier()).isEqualTo(p.key());
            assertThat(p.inquiry().limitApplicationCertificateRelatedConsFlg()).isEqualTo("1");
            for (Person person : concat(List.of(p.person()), p.relatedPersons())) {
                assertThat(HalfWidthKana.isHalfWidth(person.nameKana())).as(person.nameKana()).isTrue();
                assertThat(person.name()).contains("\u3000");
                assertThat(person.personId()).startsWith("P");
            }
        }
    }

    @Test
    void populationHasNoDuplicates() {
        SyntheticPopulation pop = Personas.population();
        assertThat(pop.persons()).extracting(Person::personId).doesNotHaveDuplicates();
        assertThat(pop.qualifications()).extracting(q -> q.qualificationId()).doesNotHaveDuplicates();
        assertThat(pop.cards()).hasSize(5);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
