package org.openoqs.server.web.medical;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.medical.CheckupItem;
import org.openoqs.core.medical.Diagnosis;
import org.openoqs.core.medical.DispensedDrug;
import org.openoqs.core.medical.DispensingRecord;
import org.openoqs.core.medical.HealthCheckup;
import org.openoqs.core.medical.Surgery;
import org.openoqs.core.registry.Person;
import org.openoqs.server.medical.MedicalInformationViewing.ConsentedPatient;

/** The medical-information screens' rows, laid out in Java so the templates only print text. */
final class MedicalViews {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");
    static final DateTimeFormatter MONTH_INPUT = DateTimeFormatter.ofPattern("yyyy-MM");
    static final String ABSENT = "－";

    /** The patient as the header of every screen shows them. */
    record PatientHeader(String personId, String name, String kana, String birthdate, String sex) {

        static PatientHeader of(Person p) {
            return new PatientHeader(p.personId(), p.name(), p.nameKana(), p.birthdate().format(DATE),
                    p.sex() == null ? ABSENT : p.sex().label());
        }
    }

    /**
     * One viewing consent of the patient: whether it is in force, since when, until when; {@code page} is the screen
     * it opens ({@code null}: no tab), {@code closedBecause} why its tab is closed.
     */
    record ConsentRow(String category, String label, boolean inForce, String consentTime, String availableUntil,
                      String page, String closedBecause) {
    }

    /** One line of the list of consenting patients. */
    record PatientRow(PatientHeader patient, String latestConsent, List<ConsentRow> consents) {
    }

    /** One drug of one dispensing; the dispensing's own columns only on its first drug. */
    record DrugRow(boolean first, int drugsInDispensing, String dispensingDate, String prescriptionDate,
                   String dispensedAt, String prescribedBy, String setting, String drugName, String ingredient,
                   String quantity, String usage, String days) {
    }

    /** 特定健診 over the years: one row per item, one column per check-up (newest first). */
    record CheckupTable(List<String> dates, List<String> institutions, List<CheckupRow> rows) {
    }

    record CheckupRow(String name, String unit, List<String> values) {
    }

    /** A 傷病名 (date = 開始日) or an operation (date = 手術日). */
    record ClinicalRow(String date, String name, String code, String institution) {

        static ClinicalRow of(Diagnosis d) {
            return new ClinicalRow(MedicalViews.date(d.startDate()), d.name(), d.code(), d.institutionName());
        }

        static ClinicalRow of(Surgery s) {
            return new ClinicalRow(MedicalViews.date(s.date()), s.name(), s.code(), s.institutionName());
        }
    }

    private MedicalViews() {
    }

    /**
     * @param clinsSwitchedOn whether the facility's 環境設定 has 電子カルテ情報共有サービス on: else the 電子カルテ情報
     *                        tab stays closed whatever the consent
     */
    static List<ConsentRow> consentRows(ConsentedPatient patient, LocalDateTime now, boolean clinsSwitchedOn) {
        List<ConsentRow> rows = new ArrayList<>();
        for (ConsentCategory c : ConsentCategory.values()) {
            if (!c.isViewing()) {
                continue;
            }
            ConsentRecord r = patient.consents().get(c);
            boolean inForce = patient.mayView(c, now);
            boolean switchedOff = c == ConsentCategory.CLINS && !clinsSwitchedOn;
            rows.add(new ConsentRow(c.cliName(), c.label(), inForce, r == null ? ABSENT : r.consentTime().format(MINUTE),
                    r == null ? ABSENT : r.availableUntil().format(MINUTE), inForce && !switchedOff ? pageOf(c) : null,
                    switchedOff ? "電子カルテ情報共有サービスを利用する設定になっていません（環境設定）"
                            : "同意がないため閲覧できません"));
        }
        return rows;
    }

    static PatientRow patientRow(ConsentedPatient patient, LocalDateTime now, boolean clinsSwitchedOn) {
        return new PatientRow(PatientHeader.of(patient.person()), patient.latestConsent().format(MINUTE),
                consentRows(patient, now, clinsSwitchedOn));
    }

    /** The screen a consent opens; 手術情報 is shown on the 診療情報 screen. */
    private static String pageOf(ConsentCategory c) {
        return switch (c) {
            case DRUG -> "drugs";
            case CHECKUP -> "checkups";
            case DIAGNOSIS -> "clinical";
            case CLINS -> "ekarte";
            default -> null;
        };
    }

    /** Newest dispensing first, drugs in their order. */
    static List<DrugRow> drugRows(List<DispensingRecord> dispensings) {
        List<DispensingRecord> newestFirst = new ArrayList<>(dispensings);
        newestFirst.sort(Comparator.comparing(DispensingRecord::dispensingDate).reversed());
        List<DrugRow> rows = new ArrayList<>();
        for (DispensingRecord d : newestFirst) {
            boolean first = true;
            for (DispensedDrug drug : d.drugs()) {
                rows.add(new DrugRow(first, d.drugs().size(), d.dispensingDate().format(DATE),
                        d.prescriptionDate() == null ? ABSENT : d.prescriptionDate().format(DATE),
                        d.dispensingInstitutionName(), d.prescribingInstitutionName(), d.inpatient() ? "入院" : "外来",
                        drug.drugName(), drug.ingredientName(), drug.quantity() + drug.unit(),
                        drug.usage() + (drug.specialInstruction() == null ? "" : "（" + drug.specialInstruction() + "）"),
                        days(drug)));
                first = false;
            }
        }
        return rows;
    }

    /** 内服 in days, 頓服 in times, 外用 as the count dispensed. */
    private static String days(DispensedDrug drug) {
        return switch (drug.dosageForm()) {
            case "2" -> drug.days() + "回分";
            case "3" -> String.valueOf(drug.days());
            default -> drug.days() + "日分";
        };
    }

    static CheckupTable checkupTable(List<HealthCheckup> checkups) {
        List<HealthCheckup> newestFirst = new ArrayList<>(checkups);
        newestFirst.sort(Comparator.comparing(HealthCheckup::date).reversed());
        Map<String, CheckupItem> itemsByCode = new LinkedHashMap<>();
        newestFirst.forEach(c -> c.items().forEach(i -> itemsByCode.putIfAbsent(i.code(), i)));
        List<CheckupRow> rows = new ArrayList<>();
        for (CheckupItem item : itemsByCode.values()) {
            List<String> values = new ArrayList<>();
            for (HealthCheckup c : newestFirst) {
                values.add(c.items().stream().filter(i -> i.code().equals(item.code())).findFirst()
                        .map(i -> i.valueName() != null ? i.valueName() : i.value()).orElse(ABSENT));
            }
            rows.add(new CheckupRow(item.name(), item.unit() == null ? "" : item.unit(), values));
        }
        return new CheckupTable(newestFirst.stream().map(c -> c.date().format(DATE)).toList(),
                newestFirst.stream().map(HealthCheckup::institutionName).toList(), rows);
    }

    static String monthInput(YearMonth month) {
        return month.format(MONTH_INPUT);
    }

    static String date(LocalDate date) {
        return date == null ? ABSENT : date.format(DATE);
    }
}
