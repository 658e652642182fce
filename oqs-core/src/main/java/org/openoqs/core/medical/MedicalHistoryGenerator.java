package org.openoqs.core.medical;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.openoqs.core.registry.Person;

/**
 * Generates a person's synthetic medical history: chronic conditions by age (monthly dispensings at one clinic and
 * its neighbouring pharmacy), a few short illnesses, yearly 特定健診 for ages 40–74 whose values follow the
 * conditions, and now and then an operation.
 *
 * <p>Deterministic: the same population seed, person and {@code asOf} date always give the same history, so the
 * service can generate it on demand instead of storing it (docs/medical-information.md). {@code asOf} is the day
 * the population was generated, not "today", so a history does not shift from one day to the next.
 */
public final class MedicalHistoryGenerator {

    /** How far back drug histories reach (the real service keeps several years; enough to show a trend). */
    public static final int HISTORY_MONTHS = 18;

    private final long populationSeed;

    public MedicalHistoryGenerator(long populationSeed) {
        this.populationSeed = populationSeed;
    }

    public MedicalHistory generate(Person person, LocalDate asOf) {
        SplittableRandom rnd = new SplittableRandom(populationSeed * 0x9E3779B97F4A7C15L ^ person.personId().hashCode()
                ^ ((long) person.birthdate().hashCode() << 32));
        int age = person.ageOn(asOf);
        LocalDate from = asOf.minusMonths(HISTORY_MONTHS).withDayOfMonth(1);
        List<CareCatalog.Condition> conditions = new ArrayList<>();
        for (CareCatalog.Condition c : CareCatalog.CONDITIONS) {
            if (age >= c.minAge() && rnd.nextInt(100) < c.percent() + Math.max(0, (age - 50) / 2)) {
                conditions.add(c);
            }
        }
        List<DispensingRecord> dispensings = new ArrayList<>();
        List<Diagnosis> diagnoses = new ArrayList<>();
        CareCatalog.Facility clinic = CareCatalog.CLINICS.get(rnd.nextInt(CareCatalog.CLINICS.size()));
        CareCatalog.Facility pharmacy = CareCatalog.PHARMACIES.get(rnd.nextInt(CareCatalog.PHARMACIES.size()));
        if (!conditions.isEmpty()) {
            chronic(rnd, conditions, clinic, pharmacy, from, asOf, dispensings, diagnoses);
        }
        int episodes = 1 + rnd.nextInt(age < 15 ? 4 : 3); // everyone saw a doctor at least once in the window
        for (int i = 0; i < episodes; i++) {
            episode(rnd, clinic, pharmacy, from, asOf, dispensings, diagnoses);
        }
        dispensings.sort(Comparator.comparing(DispensingRecord::dispensingDate));
        diagnoses.sort(Comparator.comparing(Diagnosis::startDate));
        return new MedicalHistory(person.personId(), dispensings, checkups(rnd, person, asOf, conditions), diagnoses,
                surgeries(rnd, age, asOf));
    }

    private static void chronic(SplittableRandom rnd, List<CareCatalog.Condition> conditions, CareCatalog.Facility clinic,
            CareCatalog.Facility pharmacy, LocalDate from, LocalDate asOf, List<DispensingRecord> out,
            List<Diagnosis> diagnoses) {
        List<DispensedDrug> regimen = new ArrayList<>();
        for (CareCatalog.Condition c : conditions) {
            DrugCatalog.Drug drug = c.drugs().get(rnd.nextInt(c.drugs().size()));
            regimen.add(dispensed(drug, 28));
            diagnoses.add(new Diagnosis(c.diagnosisCode(), c.diagnosisName(),
                    from.minusMonths(6 + rnd.nextInt(60)).withDayOfMonth(1 + rnd.nextInt(28)), clinic.name()));
        }
        LocalDate visit = weekday(from.plusDays(rnd.nextInt(20)));
        boolean first = true;
        while (!visit.isAfter(asOf)) {
            out.add(new DispensingRecord(visit, visit, pharmacy.code(), pharmacy.name(), clinic.code(), clinic.name(),
                    false, regimen, first ? CareCatalog.FIRST_VISIT : CareCatalog.FOLLOW_UP_VISIT));
            first = false;
            visit = weekday(visit.plusDays(26 + rnd.nextInt(8)));
        }
    }

    private static void episode(SplittableRandom rnd, CareCatalog.Facility clinic, CareCatalog.Facility pharmacy,
            LocalDate from, LocalDate asOf, List<DispensingRecord> out, List<Diagnosis> diagnoses) {
        CareCatalog.Episode e = CareCatalog.EPISODES.get(rnd.nextInt(CareCatalog.EPISODES.size()));
        long span = Math.max(1, asOf.toEpochDay() - from.toEpochDay());
        LocalDate day = weekday(from.plusDays(rnd.nextLong(span)));
        if (day.isAfter(asOf)) {
            return;
        }
        List<DispensedDrug> drugs = new ArrayList<>();
        for (DrugCatalog.Drug d : e.drugs()) {
            drugs.add(dispensed(d, "2".equals(d.dosageForm()) ? 5 : "3".equals(d.dosageForm()) ? 1 : e.days()));
        }
        out.add(new DispensingRecord(day, day, pharmacy.code(), pharmacy.name(), clinic.code(), clinic.name(), false,
                drugs, CareCatalog.FIRST_VISIT));
        diagnoses.add(new Diagnosis(e.diagnosisCode(), e.diagnosisName(), day, clinic.name()));
    }

    private static DispensedDrug dispensed(DrugCatalog.Drug d, int days) {
        String instruction = "2".equals(d.dosageForm()) ? "6時間以上あけて服用" : null;
        return new DispensedDrug(d.code(), d.name(), d.ingredient(), d.quantity(), d.unit(), d.usage(), instruction, days,
                d.dosageForm());
    }

    private static List<HealthCheckup> checkups(SplittableRandom rnd, Person person, LocalDate asOf,
            List<CareCatalog.Condition> conditions) {
        List<HealthCheckup> out = new ArrayList<>();
        boolean hypertension = has(conditions, "高血圧症");
        boolean diabetes = has(conditions, "２型糖尿病");
        boolean lipids = has(conditions, "脂質異常症");
        boolean male = person.sex() != null && "1".equals(person.sex().code());
        double height = male ? 160 + rnd.nextDouble() * 20 : 148 + rnd.nextDouble() * 18;
        double bmi = 19 + rnd.nextDouble() * 8 + (diabetes ? 3 : 0);
        for (int yearsBack = 2; yearsBack >= 0; yearsBack--) {
            LocalDate date = weekday(asOf.minusYears(yearsBack).withDayOfMonth(1).minusMonths(rnd.nextInt(6)));
            int age = person.ageOn(date);
            if (age < 40 || age > 74 || date.isAfter(asOf)) {
                continue;
            }
            double drift = (2 - yearsBack) * 0.3;
            double weight = bmi * Math.pow(height / 100, 2) + drift;
            double waist = (male ? 78 : 74) + (bmi - 22) * 2.5 + rnd.nextDouble() * 4;
            int sbp = (hypertension ? 136 : 112) + rnd.nextInt(18);
            int dbp = (hypertension ? 84 : 68) + rnd.nextInt(12);
            int tg = (lipids ? 160 : 80) + rnd.nextInt(90);
            int hdl = 40 + rnd.nextInt(35);
            int ldl = (lipids ? 145 : 95) + rnd.nextInt(40);
            double hba1c = (diabetes ? 6.7 : 5.2) + rnd.nextDouble() * (diabetes ? 1.2 : 0.5);
            int glucose = (int) Math.round(hba1c * 17.5 - 5 + rnd.nextInt(8));
            List<CheckupItem> items = new ArrayList<>();
            items.add(pq("9N001000000000001", "身長", "%.1f", height, "cm"));
            items.add(pq("9N006000000000001", "体重", "%.1f", weight, "kg"));
            items.add(pq("9N011000000000001", "BMI", "%.1f", weight / Math.pow(height / 100, 2), "kg/m2"));
            items.add(pq("9N016160100000001", "腹囲（実測）", "%.1f", waist, "cm"));
            items.add(pq("9A751000000000001", "収縮期血圧（その他）", "%.0f", sbp, "mmHg"));
            items.add(pq("9A761000000000001", "拡張期血圧（その他）", "%.0f", dbp, "mmHg"));
            items.add(pq("3F015000002327101", "中性脂肪（トリグリセリド）", "%.0f", tg, "mg/dL"));
            items.add(pq("3F070000002327101", "HDLコレステロール", "%.0f", hdl, "mg/dL"));
            items.add(pq("3F077000002327101", "LDLコレステロール", "%.0f", ldl, "mg/dL"));
            items.add(pq("3B035000002327201", "GOT（AST）", "%.0f", 15 + rnd.nextInt(20), "U/L"));
            items.add(pq("3B045000002327201", "GPT（ALT）", "%.0f", 12 + rnd.nextInt(25), "U/L"));
            items.add(pq("3B090000002327101", "γ-GT（γ-GTP）", "%.0f", 15 + rnd.nextInt(50), "U/L"));
            items.add(pq("3D010000001926101", "空腹時血糖", "%.0f", glucose, "mg/dL"));
            items.add(pq("3D046000001906202", "HbA1c（NGSP値）", "%.1f", hba1c, "%"));
            boolean glucosuria = diabetes && rnd.nextBoolean();
            items.add(cd("1A020000000190111", "尿糖", glucosuria ? "3" : "1", glucosuria ? "＋" : "－"));
            items.add(cd("1A010000000190111", "尿蛋白", "1", "－"));
            boolean metabolic = waist >= (male ? 85 : 90) && (hypertension || diabetes || lipids);
            items.add(cd("9N501000000000011", "メタボリックシンドローム判定", metabolic ? "1" : "3",
                    metabolic ? "基準該当" : "非該当"));
            out.add(new HealthCheckup(date, CareCatalog.CHECKUP_INSTITUTION, items));
        }
        return out;
    }

    private static List<Surgery> surgeries(SplittableRandom rnd, int age, LocalDate asOf) {
        List<Surgery> out = new ArrayList<>();
        for (CareCatalog.Operation op : CareCatalog.OPERATIONS) {
            if (age >= op.minAge() && rnd.nextInt(100) < 6) {
                out.add(new Surgery(weekday(asOf.minusDays(30 + rnd.nextInt(1500))), op.code(), op.name(),
                        CareCatalog.HOSPITAL.name()));
            }
        }
        out.sort(Comparator.comparing(Surgery::date));
        return out;
    }

    private static boolean has(List<CareCatalog.Condition> conditions, String name) {
        return conditions.stream().anyMatch(c -> c.diagnosisName().equals(name));
    }

    private static CheckupItem pq(String code, String name, String format, double value, String unit) {
        return new CheckupItem(code, name, "PQ", String.format(java.util.Locale.ROOT, format, value), unit, null);
    }

    private static CheckupItem cd(String code, String name, String value, String label) {
        return new CheckupItem(code, name, "CD", value, null, label);
    }

    /** Clinics are closed on Sundays; move to the next Monday. */
    private static LocalDate weekday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }
}
