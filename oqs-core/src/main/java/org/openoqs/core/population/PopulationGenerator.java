package org.openoqs.core.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassification;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.code.Sex;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.message.ElderlyRecipientCertificateInfo;
import org.openoqs.core.message.LimitApplicationCertificateRelatedInfo;
import org.openoqs.core.message.SpecificDiseasesCertificateInfo;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfElderlyMedicalCare;
import org.openoqs.core.code.StatusOfInfection;
import org.openoqs.core.code.StatusOfPrefecturalExpenses;
import org.openoqs.core.code.StatusOfSocialInsurance;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;

/**
 * Deterministic household-based generator behind {@link SyntheticPopulation#generate(long, int, LocalDate)}.
 * Every random draw comes from one {@link SplittableRandom} in a fixed order, and only lists (never hash
 * iteration order) shape the output, so the same seed, size and date always produce the same data.
 *
 * <p>Insurer numbers are built from a fixed catalogue whose 保険者別番号 (digits 5–7 of an 8-digit number, 3–5 of
 * a 6-digit one) stay below {@value #RESERVED_FOR_PERSONAS}; {@link Personas} use 990–999 only.
 */
final class PopulationGenerator {

    /** 保険者別番号 from this value up are reserved for {@link Personas}. */
    static final int RESERVED_FOR_PERSONAS = 990;

    /**
     * What the welfare office writes on a generated 医療券: 医療扶助 alone (the recipients hold no other insurance), no
     * 本人支払額, none of the other 公費. No random draw, so the population stays what it was before tickets carried it.
     */
    private static final MedicalTicketDetails SINGLE_USE_TICKET = new MedicalTicketDetails(null, null, null, List.of(),
            null, "0", null, null, SingleOrCombinedUse.SINGLE, StatusOfSocialInsurance.ABSENT, null,
            StatusOfInfection.ABSENT, StatusOfElderlyMedicalCare.ABSENT, StatusOfPrefecturalExpenses.ABSENT, List.of());

    enum Kind { KYOKAI, KUMIAI, KYOSAI, KOKUHO, KOUKI, WELFARE }

    record Insurer(InsurerNumber number, String name, Kind kind, int prefecture, int city) {
    }

    private record Member(Person person, boolean head, boolean spouse) {
    }

    private static final List<Insurer> CATALOGUE = buildCatalogue();
    private static final String[] KYOSAI_SYMBOL_PREFIXES = {"本", "支", "東", "西", "中"};
    /** 限度額 適用区分 under 70, weighted towards ウ (A03) and エ (A04). */
    private static final LimitApplicationCertificateClassificationFlag[] UNDER_70_FLAGS = {
        LimitApplicationCertificateClassificationFlag.A01, LimitApplicationCertificateClassificationFlag.A02,
        LimitApplicationCertificateClassificationFlag.A03, LimitApplicationCertificateClassificationFlag.A03,
        LimitApplicationCertificateClassificationFlag.A03, LimitApplicationCertificateClassificationFlag.A04,
        LimitApplicationCertificateClassificationFlag.A04, LimitApplicationCertificateClassificationFlag.A05};
    /** 限度額 適用区分 from 70, weighted towards 低所得. */
    private static final LimitApplicationCertificateClassificationFlag[] OVER_70_FLAGS = {
        LimitApplicationCertificateClassificationFlag.B01, LimitApplicationCertificateClassificationFlag.B02,
        LimitApplicationCertificateClassificationFlag.B03, LimitApplicationCertificateClassificationFlag.B05,
        LimitApplicationCertificateClassificationFlag.B05, LimitApplicationCertificateClassificationFlag.B06,
        LimitApplicationCertificateClassificationFlag.B06};
    private static final Insurer[] KYOKAI_BY_PREF = byPrefecture(Kind.KYOKAI);
    private static final Insurer[] KOUKI_BY_PREF = byPrefecture(Kind.KOUKI);
    private static final Insurer[][] KOKUHO_BY_CITY = byCity(Kind.KOKUHO);
    private static final Insurer[][] WELFARE_BY_CITY = byCity(Kind.WELFARE);
    private static final List<Insurer> KUMIAI_LIST = ofKind(Kind.KUMIAI);
    private static final List<Insurer> KYOSAI_LIST = ofKind(Kind.KYOSAI);

    private final SplittableRandom rnd;
    private final LocalDate today;
    private final List<Person> persons = new ArrayList<>();
    private final List<Qualification> qualifications = new ArrayList<>();
    private final List<MyNumberCard> cards = new ArrayList<>();
    private final Set<String> usedNumbers = new HashSet<>();
    private final Set<String> usedCardIds = new HashSet<>();
    private final Set<String> deceased = new HashSet<>();
    private int qualificationSeq;
    private int personSeq;

    PopulationGenerator(long seed, LocalDate today) {
        this.rnd = new SplittableRandom(seed);
        this.today = today;
    }

    static List<Insurer> catalogue() {
        return CATALOGUE;
    }

    SyntheticPopulation generate(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        while (persons.size() < size) {
            household(size - persons.size());
        }
        return new SyntheticPopulation(persons, qualifications, cards);
    }

    // ------------------------------------------------------------------ households

    private void household(int room) {
        int pi = weighted(NameTables.PREFECTURE_WEIGHTS);
        NameTables.Prefecture pref = NameTables.PREFECTURES.get(pi);
        int ci = rnd.nextInt(pref.cities().size());
        String city = pref.cities().get(ci);
        String post = pad(pref.postFrom() + rnd.nextInt(pref.postTo() - pref.postFrom() + 1), 3) + "-"
                + pad(rnd.nextInt(10000), 4);
        String address = pref.name() + city + pick(NameTables.TOWNS) + (1 + rnd.nextInt(5)) + "-" + (1 + rnd.nextInt(30))
                + "-" + (1 + rnd.nextInt(20));
        NameTables.Name family = pick(NameTables.FAMILY);

        int headAge = headAge();
        Sex headSex = rnd.nextInt(100) < 72 ? Sex.MALE : Sex.FEMALE;
        List<Member> members = new ArrayList<>();
        members.add(new Member(person(family, headSex, birthdate(headAge), post, address), true, false));
        if (members.size() < room && headAge >= 25 && rnd.nextInt(100) < (headAge >= 80 ? 45 : 65)) {
            int spouseAge = Math.max(20, Math.min(100, headAge + rnd.nextInt(11) - 5));
            Sex s = headSex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            members.add(new Member(person(family, s, birthdate(spouseAge), post, address), false, true));
        }
        if (headAge >= 25 && headAge <= 62) {
            int children = new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3}[rnd.nextInt(20)];
            int maxChildAge = Math.min(headAge - 23, 22);
            for (int i = 0; i < children && members.size() < room && maxChildAge >= 0; i++) {
                Sex s = rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                Person child = person(family, s, birthdate(rnd.nextInt(maxChildAge + 1)), post, address);
                members.add(new Member(child, false, false));
                if (members.size() < room && rnd.nextInt(100) < 2) { // twins: same birthdate
                    Sex t = rnd.nextBoolean() ? Sex.MALE : Sex.FEMALE;
                    Person twin = person(family, t, child.birthdate(), post, address);
                    members.add(new Member(twin, false, false));
                }
            }
        }
        for (Member m : members) {
            persons.add(m.person());
        }

        Person head = members.get(0).person();
        int r = rnd.nextInt(100);
        if (headAge < 75 && r < 2) {
            welfare(members, pi, ci);
        } else if (headAge >= 75) {
            elderly(members, pi, ci);
        } else if ((headAge < 65 && r < 80) || (headAge >= 65 && r < 35)) {
            employee(members, pi, ci);
        } else {
            List<Member> kokuho = new ArrayList<>();
            for (Member m : members) {
                if (m.person().ageOn(today) >= 75) {
                    kouki(m.person(), pi);
                } else {
                    kokuho.add(m);
                }
            }
            kokuho(kokuho, head, pi, ci);
        }
        for (Member m : members) {
            card(m.person());
        }
    }

    private void employee(List<Member> members, int pi, int ci) {
        Person head = members.get(0).person();
        int headAge = head.ageOn(today);
        Insurer insurer = employeeInsurer(pi);
        LocalDate adult = head.birthdate().plusYears(18);
        LocalDate start = today.minusDays(rnd.nextInt(Math.max(1, Math.min(headAge - 18, 35)) * 365 + 1));
        if (start.isBefore(adult)) {
            start = adult;
        }
        String[] numbers = numbers(insurer);
        boolean changedJob = rnd.nextInt(100) < 6 && ChronoUnit.YEARS.between(adult, start) >= 2;
        Insurer previous = null;
        LocalDate previousStart = null;
        String[] previousNumbers = null;
        if (changedJob) {
            previous = rnd.nextInt(3) == 0 ? kokuhoInsurer(pi, ci) : employeeInsurer(pi);
            if (previous.number().equals(insurer.number())) {
                previous = kokuhoInsurer(pi, ci);
            }
            previousStart = start.minusDays(365 + rnd.nextInt((int) Math.min(3650, ChronoUnit.DAYS.between(adult, start) - 364)));
            previousNumbers = numbers(previous);
        }
        int branch = 0;
        for (Member m : members) {
            Person p = m.person();
            if (p.ageOn(today) >= 75) {
                kouki(p, pi);
                continue;
            }
            String br = pad(branch++, 2);
            PersonalFamilyClassification pfc = m.head() ? PersonalFamilyClassification.INSURED_PERSON
                    : PersonalFamilyClassification.FAMILY;
            LocalDate from = max(start, p.birthdate());
            Qualification.Builder q = base(p, insurer, numbers, br, pfc, head.name(), from);
            if (changedJob && p.birthdate().isBefore(start)) {
                ReasonOfLoss reason = previous.kind() == Kind.KOKUHO ? ReasonOfLoss.OTHER_INSURANCE_ACQUIRED : ReasonOfLoss.OTHER;
                Qualification.Builder old = base(p, previous, previousNumbers, br, pfc, head.name(),
                        max(previousStart, p.birthdate()));
                old.disqualificationDate(start).reasonOfLoss(reason).insuredCardExpirationDate(null);
                add(old, p);
            }
            add(q, p);
        }
    }

    private void kokuho(List<Member> members, Person householder, int pi, int ci) {
        if (members.isEmpty()) {
            return;
        }
        Insurer insurer = kokuhoInsurer(pi, ci);
        String[] numbers = numbers(insurer);
        int branch = 0;
        for (Member m : members) {
            Person p = m.person();
            LocalDate from = max(today.minusDays(rnd.nextInt(Math.max(1, Math.min(p.ageOn(today), 30)) * 365 + 1)), p.birthdate());
            PersonalFamilyClassification pfc = p.personId().equals(householder.personId())
                    ? PersonalFamilyClassification.INSURED_PERSON : PersonalFamilyClassification.FAMILY;
            Qualification.Builder q = base(p, insurer, numbers, pad(branch++, 2), pfc, householder.name(), from);
            q.insuredCardExpirationDate(nextJuly31());
            add(q, p);
        }
    }

    private void elderly(List<Member> members, int pi, int ci) {
        List<Member> younger = new ArrayList<>();
        for (Member m : members) {
            if (m.person().ageOn(today) >= 75) {
                kouki(m.person(), pi);
            } else {
                younger.add(m);
            }
        }
        kokuho(younger, members.get(0).person(), pi, ci);
    }

    private void kouki(Person p, int pi) {
        Insurer insurer = KOUKI_BY_PREF[pi];
        String number;
        do {
            number = CheckDigit.complete(pad(rnd.nextInt(10_000_000), 7));
        } while (!usedNumbers.add(insurer.number().digits() + '|' + number));
        LocalDate from = p.birthdate().plusYears(75);
        int draw = rnd.nextInt(100);
        String ratio = draw < 70 ? "010" : draw < 90 ? "020" : "030";
        Qualification.Builder q = Qualification.builder()
                .insuredCardClassification(InsuredCardClassification.GENERAL)
                .insurerNumber(insurer.number())
                .insurerName(insurer.name())
                .insuredIdentificationNumber(number)
                .insuredName(p.name())
                .qualificationDate(from)
                .insuredCertificateIssuanceDate(from)
                .insuredCardValidDate(from)
                .insuredCardExpirationDate(nextJuly31())
                .partialContributionRatio(ratio);
        if (p.ageOn(today) >= 80 && rnd.nextInt(1000) < 5) { // died: qualification lost the day after death
            LocalDate lost = today.minusDays(rnd.nextInt(700));
            if (lost.isAfter(from)) {
                q.disqualificationDate(lost).reasonOfLoss(ReasonOfLoss.DEATH).insuredCardExpirationDate(null);
                deceased.add(p.personId());
            }
        }
        add(q, p);
    }

    private void welfare(List<Member> members, int pi, int ci) {
        Insurer office = WELFARE_BY_CITY[pi][ci];
        Person head = members.get(0).person();
        LocalDate start = max(today.minusDays(rnd.nextInt(3650) + 1), head.birthdate().plusYears(18));
        boolean formerKokuho = rnd.nextBoolean();
        Insurer kokuho = formerKokuho ? kokuhoInsurer(pi, ci) : null;
        String[] kokuhoNumbers = formerKokuho ? numbers(kokuho) : null;
        int branch = 0;
        for (Member m : members) {
            Person p = m.person();
            LocalDate from = max(start, p.birthdate());
            if (formerKokuho && p.birthdate().isBefore(start)) {
                PersonalFamilyClassification pfc = m.head() ? PersonalFamilyClassification.INSURED_PERSON
                        : PersonalFamilyClassification.FAMILY;
                Qualification.Builder old = base(p, kokuho, kokuhoNumbers, pad(branch++, 2), pfc, head.name(),
                        max(start.minusYears(5), p.birthdate()));
                old.disqualificationDate(start).reasonOfLoss(ReasonOfLoss.PUBLIC_ASSISTANCE_STARTED);
                add(old, p);
            }
            String recipient;
            do {
                recipient = CheckDigit.complete(pad(rnd.nextInt(1_000_000), 6));
            } while (!usedNumbers.add(office.number().digits() + '|' + recipient));
            List<MedicalTicket> tickets = new ArrayList<>();
            if (rnd.nextInt(100) < 65) {
                YearMonth month = YearMonth.from(today);
                tickets.add(new MedicalTicket(pad(rnd.nextInt(100_000_000), 8), month,
                        month.atDay(1), month.atEndOfMonth(), null, SINGLE_USE_TICKET));
            }
            Qualification.Builder q = Qualification.builder()
                    .insuredCardClassification(InsuredCardClassification.MEDICAL_ASSISTANCE)
                    .insurerNumber(office.number())
                    .insurerName(office.name())
                    .insuredIdentificationNumber(recipient)
                    .insuredName(head.name())
                    .qualificationDate(from)
                    .insuredCertificateIssuanceDate(from)
                    .insuredCardValidDate(from)
                    .medicalTickets(tickets);
            add(q, p);
        }
    }

    // ------------------------------------------------------------------ records

    private Qualification.Builder base(Person p, Insurer insurer, String[] numbers, String branch,
            PersonalFamilyClassification pfc, String insuredName, LocalDate from) {
        return Qualification.builder()
                .insuredCardClassification(InsuredCardClassification.GENERAL)
                .insurerNumber(insurer.number())
                .insurerName(insurer.name())
                .insuredCardSymbol(numbers[0])
                .insuredIdentificationNumber(numbers[1])
                .insuredBranchNumber(branch)
                .personalFamilyClassification(pfc)
                .insuredName(insuredName)
                .qualificationDate(from)
                .insuredCertificateIssuanceDate(from)
                .insuredCardValidDate(from);
    }

    /** Adds certificates that depend on the person (高齢受給者, 限度額, 特定疾病) and stores the qualification. */
    private void add(Qualification.Builder b, Person p) {
        Qualification draft = b.qualificationId("GQ" + pad(++qualificationSeq, 9)).personId(p.personId()).build();
        boolean current = draft.isValidOn(today);
        int age = p.ageOn(today);
        if (p.isPreschoolOn(today) && !draft.isLateElderly() && !draft.isMedicalAssistance()) {
            b.preschoolClassification(PreschoolClassification.PRESCHOOL);
        }
        if (current && !draft.isMedicalAssistance()) {
            if (age >= 70 && age < 75 && !draft.isLateElderly()) {
                LocalDate seventy = p.birthdate().plusYears(70);
                LocalDate start = seventy.getDayOfMonth() == 1 ? seventy : seventy.withDayOfMonth(1).plusMonths(1);
                start = max(start, draft.qualificationDate());
                String ratio = rnd.nextInt(100) < 85 ? "020" : "030";
                b.elderlyRecipientCertificateInfo(new ElderlyRecipientCertificateInfo(start, start,
                        p.birthdate().plusYears(75).minusDays(1), ratio));
            }
            if (age >= 15 && rnd.nextInt(100) < 4) {
                b.limitApplicationCertificateRelatedInfo(limitInfo(age, draft.qualificationDate()));
            }
            if (age >= 20 && rnd.nextInt(1000) < 6) {
                int d = rnd.nextInt(100);
                SpecificDiseasesDiseaseCategory category = d < 90 ? SpecificDiseasesDiseaseCategory.CHRONIC_RENAL_FAILURE_DIALYSIS
                        : d < 97 ? SpecificDiseasesDiseaseCategory.CONGENITAL_COAGULATION_DISORDER
                        : SpecificDiseasesDiseaseCategory.HIV_FROM_COAGULATION_PRODUCTS;
                String selfPay = category == SpecificDiseasesDiseaseCategory.CHRONIC_RENAL_FAILURE_DIALYSIS
                        && age < 70 && rnd.nextInt(100) < 20 ? "20000" : "10000";
                LocalDate from = max(draft.qualificationDate(), today.minusDays(rnd.nextInt(5 * 365)));
                b.specificDiseasesCertificates(List.of(new SpecificDiseasesCertificateInfo(category, from, from, null, selfPay)));
            }
        }
        qualifications.add(b.build());
    }

    private LimitApplicationCertificateRelatedInfo limitInfo(int age, LocalDate qualificationDate) {
        LimitApplicationCertificateClassificationFlag flag;
        if (age < 70) {
            flag = UNDER_70_FLAGS[rnd.nextInt(UNDER_70_FLAGS.length)];
        } else {
            flag = OVER_70_FLAGS[rnd.nextInt(OVER_70_FLAGS.length)];
        }
        boolean lowIncome = flag == LimitApplicationCertificateClassificationFlag.A05
                || flag == LimitApplicationCertificateClassificationFlag.B05
                || flag == LimitApplicationCertificateClassificationFlag.B06;
        LimitApplicationCertificateClassification classification = lowIncome
                ? LimitApplicationCertificateClassification.LIMIT_AND_MEAL_REDUCTION
                : LimitApplicationCertificateClassification.LIMIT;
        LocalDate august = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 8, 1);
        LocalDate start = max(august, qualificationDate);
        LocalDate end = august.plusYears(1).minusDays(1);
        LocalDate longTerm = null;
        if (lowIncome && flag != LimitApplicationCertificateClassificationFlag.B06 && rnd.nextInt(10) == 0) {
            longTerm = start.plusMonths(4).withDayOfMonth(1);
        }
        return new LimitApplicationCertificateRelatedInfo(classification, flag, start, start, end, longTerm);
    }

    private void card(Person p) {
        if (rnd.nextInt(100) >= 78) {
            return;
        }
        if (deceased.contains(p.personId())) {
            return;
        }
        String id;
        do {
            id = "C" + pad(rnd.nextLong(1_000_000_000_000_000L), 15);
        } while (!usedCardIds.add(id));
        int draw = rnd.nextInt(100);
        CardStatus status = draw < 95 ? CardStatus.ACTIVE : draw < 97 ? CardStatus.PIN_LOCKED
                : draw < 99 ? CardStatus.CERTIFICATE_EXPIRED : CardStatus.CERTIFICATE_REVOKED;
        LocalDate birthday = p.birthdate().withYear(today.getYear());
        if (p.birthdate().getMonthValue() == 2 && p.birthdate().getDayOfMonth() == 29) {
            birthday = LocalDate.of(today.getYear(), 3, 1);
        }
        LocalDate expiry = status == CardStatus.CERTIFICATE_EXPIRED
                ? (birthday.isBefore(today) ? birthday : birthday.minusYears(1)).minusYears(rnd.nextInt(2))
                : (birthday.isAfter(today) ? birthday : birthday.plusYears(1)).plusYears(rnd.nextInt(5));
        cards.add(new MyNumberCard(id, p.personId(), status, expiry));
    }

    // ------------------------------------------------------------------ helpers

    private Person person(NameTables.Name family, Sex sex, LocalDate birthdate, String post, String address) {
        List<NameTables.Name> table = sex == Sex.MALE ? NameTables.MALE : NameTables.FEMALE;
        NameTables.Name given = pick(table);
        for (int i = 0; i < 4 && !given.fits(birthdate.getYear()); i++) {
            given = pick(table);
        }
        String id = "G" + pad(++personSeq, 9);
        return new Person(id, family.kanji() + "\u3000" + given.kanji(), family.kanaHalf() + " " + given.kanaHalf(),
                sex, birthdate, post, address);
    }

    private String[] numbers(Insurer insurer) {
        String symbol;
        String number;
        do {
            switch (insurer.kind()) {
                case KYOKAI -> {
                    symbol = String.valueOf(10_000_000 + rnd.nextInt(90_000_000));
                    number = String.valueOf(1 + rnd.nextInt(9_999_999));
                }
                case KUMIAI -> {
                    symbol = String.valueOf(1 + rnd.nextInt(9999));
                    number = String.valueOf(1 + rnd.nextInt(999_999));
                }
                case KYOSAI -> {
                    symbol = KYOSAI_SYMBOL_PREFIXES[rnd.nextInt(KYOSAI_SYMBOL_PREFIXES.length)] + pad(rnd.nextInt(100), 2);
                    number = String.valueOf(1 + rnd.nextInt(999_999));
                }
                default -> {
                    String city = NameTables.PREFECTURES.get(insurer.prefecture()).cities().get(insurer.city());
                    symbol = city.charAt(0) + pad(1 + rnd.nextInt(40), 2);
                    number = String.valueOf(100_000 + rnd.nextInt(9_900_000));
                }
            }
        } while (!usedNumbers.add(insurer.number().digits() + '|' + number));
        return new String[] {symbol, number};
    }

    private Insurer employeeInsurer(int pi) {
        int r = rnd.nextInt(100);
        if (r < 50) {
            return KYOKAI_BY_PREF[pi];
        }
        List<Insurer> pool = r < 82 ? KUMIAI_LIST : KYOSAI_LIST;
        return pool.get(rnd.nextInt(pool.size()));
    }

    private Insurer kokuhoInsurer(int pi, int ci) {
        return KOKUHO_BY_CITY[pi][ci];
    }

    private int headAge() {
        int[] from = {20, 30, 40, 50, 60, 70, 80, 90};
        int[] weights = {12, 15, 17, 16, 14, 14, 9, 3};
        int bucket = weighted(weights);
        int top = bucket == from.length - 1 ? 100 : from[bucket] + 9;
        return from[bucket] + rnd.nextInt(top - from[bucket] + 1);
    }

    private LocalDate birthdate(int age) {
        return today.minusYears(age).minusDays(rnd.nextInt(365));
    }

    private LocalDate nextJuly31() {
        LocalDate july = LocalDate.of(today.getYear(), 7, 31);
        return july.isBefore(today) ? july.plusYears(1) : july;
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    /** Zero-padded decimal, cheaper than String.format on a cold JVM. */
    static String pad(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<Insurer> buildCatalogue() {
        List<Insurer> out = new ArrayList<>();
        List<NameTables.Prefecture> prefs = NameTables.PREFECTURES;
        for (int pi = 0; pi < prefs.size(); pi++) {
            NameTables.Prefecture p = prefs.get(pi);
            String shortName = p.name().equals("北海道") ? p.name() : p.name().substring(0, p.name().length() - 1);
            out.add(new Insurer(insurer("01" + p.code() + "801"), "ひまわり健康保険協会 " + shortName + "支部", Kind.KYOKAI, pi, -1));
            out.add(new Insurer(insurer("39" + p.code() + "801"), p.name() + "後期高齢者医療広域連合", Kind.KOUKI, pi, -1));
            for (int ci = 0; ci < p.cities().size(); ci++) {
                String city = p.cities().get(ci);
                out.add(new Insurer(insurer(p.code() + pad(301 + ci, 3)), city + "国民健康保険", Kind.KOKUHO, pi, ci));
                out.add(new Insurer(insurer("12" + p.code() + pad(801 + ci, 3)), city + "福祉事務所", Kind.WELFARE, pi, ci));
            }
        }
        int[] kumiaiPrefs = {3, 3, 3, 7, 7, 5, 4, 3, 9, 2, 3, 7, 3, 5, 6, 0, 3, 8, 3, 10};
        for (int i = 0; i < NameTables.KUMIAI.size(); i++) {
            NameTables.Prefecture p = prefs.get(kumiaiPrefs[i % kumiaiPrefs.length]);
            out.add(new Insurer(insurer("06" + p.code() + pad(101 + i, 3)), NameTables.KUMIAI.get(i), Kind.KUMIAI,
                    kumiaiPrefs[i % kumiaiPrefs.length], -1));
        }
        for (int i = 0; i < NameTables.KYOSAI.size(); i++) {
            String[] k = NameTables.KYOSAI.get(i);
            out.add(new Insurer(insurer(k[0] + "13" + pad(201 + i, 3)), k[1], Kind.KYOSAI, 3, -1));
        }
        return List.copyOf(out);
    }

    private static Insurer[] byPrefecture(Kind kind) {
        Insurer[] out = new Insurer[NameTables.PREFECTURES.size()];
        for (Insurer i : CATALOGUE) {
            if (i.kind() == kind) {
                out[i.prefecture()] = i;
            }
        }
        return out;
    }

    private static Insurer[][] byCity(Kind kind) {
        Insurer[][] out = new Insurer[NameTables.PREFECTURES.size()][];
        for (int pi = 0; pi < out.length; pi++) {
            out[pi] = new Insurer[NameTables.PREFECTURES.get(pi).cities().size()];
        }
        for (Insurer i : CATALOGUE) {
            if (i.kind() == kind) {
                out[i.prefecture()][i.city()] = i;
            }
        }
        return out;
    }

    private static List<Insurer> ofKind(Kind kind) {
        List<Insurer> out = new ArrayList<>();
        for (Insurer i : CATALOGUE) {
            if (i.kind() == kind) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }

    private static InsurerNumber insurer(String body) {
        return new InsurerNumber(CheckDigit.complete(body));
    }
}
