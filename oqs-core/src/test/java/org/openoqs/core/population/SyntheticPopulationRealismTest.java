package org.openoqs.core.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/** 10 000 generated people: formats, check digits and the mix the brief asks for. */
class SyntheticPopulationRealismTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static SyntheticPopulation population;
    private static long millis;
    private static Map<String, Person> persons;

    @BeforeAll
    static void generate() {
        SyntheticPopulation.generate(1L, 2000, TODAY); // warm up class loading / JIT a little
        long t0 = System.nanoTime();
        population = SyntheticPopulation.generate(20260401L, 10_000, TODAY);
        millis = (System.nanoTime() - t0) / 1_000_000;
        persons = population.persons().stream().collect(Collectors.toMap(Person::personId, p -> p));
    }

    @Test
    void tenThousandPeopleGenerateQuickly() {
        assertThat(population.persons()).hasSize(10_000);
        // the target is "well under 1 s"; the bound is loose so that a busy CI machine does not flake
        assertThat(millis).as("generation time in ms").isLessThan(3000);
    }

    @Test
    void everyInsurerAndRecipientNumberHasAValidCheckDigit() {
        for (Qualification q : population.qualifications()) {
            assertThat(CheckDigit.isValid(q.insurerNumber().digits())).as(q.insurerNumber().digits()).isTrue();
            int lawOrLength = q.insurerNumber().digits().length();
            assertThat(lawOrLength).isIn(6, 8);
            if (q.isLateElderly()) {
                assertThat(q.insuredIdentificationNumber()).hasSize(8);
                assertThat(CheckDigit.isValid(q.insuredIdentificationNumber())).isTrue();
            }
            if (q.isMedicalAssistance()) {
                assertThat(q.insuredIdentificationNumber()).hasSize(7);
                assertThat(CheckDigit.isValid(q.insuredIdentificationNumber())).isTrue();
            }
        }
    }

    @Test
    void namesAreKanjiWithFullWidthSpaceAndKanaIsHalfWidth() {
        Pattern post = Pattern.compile("\\d{3}-\\d{4}");
        for (Person p : population.persons()) {
            assertThat(p.name()).contains("\u3000").doesNotContain(" ");
            assertThat(HalfWidthKana.isHalfWidth(p.nameKana())).as(p.nameKana()).isTrue();
            assertThat(p.nameKana().split(" ")).hasSize(2);
            assertThat(p.postNumber()).matches(post);
            assertThat(p.ageOn(TODAY)).isBetween(0, 100);
        }
    }

    @Test
    void insurerMixCoversEveryKind() {
        Set<String> laws = new HashSet<>();
        boolean kokuho = false;
        for (Qualification q : population.qualifications()) {
            if (q.insurerNumber().isNationalHealthInsurance()) {
                kokuho = true;
            } else {
                laws.add(q.insurerNumber().lawCode());
            }
        }
        assertThat(kokuho).isTrue();
        assertThat(laws).contains("01", "06", "39", "12").containsAnyOf("31", "32", "33", "34");
    }

    @Test
    void currentQualificationsFollowAgeRules() {
        Map<String, List<Qualification>> byPerson = population.qualifications().stream()
                .collect(Collectors.groupingBy(Qualification::personId));
        int elderlyWithCertificate = 0;
        for (Person p : population.persons()) {
            List<Qualification> current = byPerson.getOrDefault(p.personId(), List.of()).stream()
                    .filter(q -> q.isValidOn(TODAY)).toList();
            int age = p.ageOn(TODAY);
            boolean died = byPerson.getOrDefault(p.personId(), List.of()).stream()
                    .anyMatch(q -> q.reasonOfLoss() != null && q.reasonOfLoss().code().equals("01"));
            if (died) {
                continue;
            }
            assertThat(current).as("current qualifications of " + p).hasSize(1);
            Qualification q = current.get(0);
            if (age >= 75 && !q.isMedicalAssistance()) {
                assertThat(q.isLateElderly()).as(p.toString()).isTrue();
                assertThat(q.partialContributionRatio()).isIn("010", "020", "030");
                assertThat(q.insuredBranchNumber()).isNull();
                assertThat(q.personalFamilyClassification()).isNull();
            }
            if (age < 75) {
                assertThat(q.isLateElderly()).isFalse();
            }
            if (age >= 70 && age < 75 && !q.isMedicalAssistance()) {
                assertThat(q.elderlyRecipientCertificateInfo()).as(p.toString()).isNotNull();
                assertThat(q.elderlyRecipientCertificateInfo().contributionRatio()).isIn("020", "030");
                elderlyWithCertificate++;
            }
            if (age < 70) {
                assertThat(q.elderlyRecipientCertificateInfo()).isNull();
            }
        }
        assertThat(elderlyWithCertificate).isGreaterThan(100);
    }

    @Test
    void householdsShareSymbolAndNumberWithDistinctBranches() {
        Map<String, List<Qualification>> households = population.qualifications().stream()
                .filter(q -> q.insuredBranchNumber() != null)
                .collect(Collectors.groupingBy(q -> q.insurerNumber().digits() + "|" + q.insuredIdentificationNumber()));
        int families = 0;
        for (List<Qualification> members : households.values()) {
            assertThat(members.stream().map(Qualification::insuredBranchNumber).distinct().count())
                    .isEqualTo(members.size());
            assertThat(members.stream().map(Qualification::insuredCardSymbol).distinct().count()).isEqualTo(1);
            long heads = members.stream()
                    .filter(q -> q.personalFamilyClassification() == PersonalFamilyClassification.INSURED_PERSON).count();
            assertThat(heads).isLessThanOrEqualTo(1);
            if (members.size() > 1) {
                families++;
            }
        }
        assertThat(families).isGreaterThan(1000);
    }

    @Test
    void containsTheSpecialCasesTheServiceNeeds() {
        List<Qualification> qs = population.qualifications();
        assertThat(qs.stream().filter(q -> q.limitApplicationCertificateRelatedInfo() != null).count()).isGreaterThan(100);
        assertThat(qs.stream().filter(q -> !q.specificDiseasesCertificates().isEmpty()).count()).isGreaterThan(5);
        assertThat(qs.stream().filter(q -> q.insuredCardClassification() == InsuredCardClassification.MEDICAL_ASSISTANCE)
                .count()).isGreaterThan(20);
        Set<String> lost = qs.stream().filter(q -> q.isLostBy(TODAY)).map(Qualification::personId).collect(Collectors.toSet());
        long lostWithNewer = qs.stream().filter(q -> q.isValidOn(TODAY) && lost.contains(q.personId())).count();
        assertThat(lostWithNewer).isGreaterThan(50);
        assertThat(qs.stream().filter(q -> q.preschoolClassification() != null).count()).isGreaterThan(50);
    }

    @Test
    void cardsAreUniqueAndCoverEveryStatus() {
        Map<CardStatus, Integer> counts = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (MyNumberCard c : population.cards()) {
            assertThat(c.cardId()).hasSize(16);
            assertThat(ids.add(c.cardId())).isTrue();
            assertThat(persons).containsKey(c.personId());
            counts.merge(c.status(), 1, Integer::sum);
            if (c.status() == CardStatus.CERTIFICATE_EXPIRED) {
                assertThat(c.certificateExpiry()).isBefore(TODAY);
            } else {
                assertThat(c.certificateExpiry()).isAfter(TODAY);
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(CardStatus.values());
        assertThat(population.cards().size()).isBetween(6000, 9000);
    }
}
