package org.openoqs.core.bulk;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;

/**
 * The checked selection of a care-setting bulk upload (docs/bulk.md, "Care-setting bulk"). Problems with it are
 * file-level: the selection is the whole request.
 *
 * <ul>
 *   <li>{@code OQSmutic}: {@code MedicalTreatmentMonth} required, a real {@code yyyyMM} month, not after the current
 *       month.</li>
 *   <li>{@code OQSmuhvq}: {@code ConsentDateFrom} and {@code ConsentDateTo} required; {@code MedicalTreatmentFlag}
 *       may be omitted, else it must be 2.</li>
 *   <li>{@code OQSmuonq}: either the consent pair or the {@code ExaminationDateFrom}/{@code To} pair, not both;
 *       {@code MedicalTreatmentFlag} omitted or 3.</li>
 *   <li>Date ranges: real {@code yyyyMMdd} dates, From ≤ To, at most {@value #MAX_RANGE_DAYS} days inclusive.</li>
 * </ul>
 */
public sealed interface CareSettingCriteria {

    int MAX_RANGE_DAYS = 366;

    /** The form stored with a job, e.g. {@code month:202604}, {@code consent:20260401-20260430}. */
    String canonical();

    /** 医療扶助: the tickets of one 診療年月. */
    record TreatmentMonth(YearMonth month) implements CareSettingCriteria {
        public TreatmentMonth {
            Objects.requireNonNull(month, "month");
        }

        @Override
        public String canonical() {
            return "month:" + MONTH.format(month);
        }
    }

    /** 訪問診療等 / オンライン診療等: consents given in the date range (inclusive). */
    record ConsentDates(LocalDate from, LocalDate to) implements CareSettingCriteria {
        public ConsentDates {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String canonical() {
            return "consent:" + QualificationMessages.DATE.format(from) + "-" + QualificationMessages.DATE.format(to);
        }
    }

    /** オンライン診療等: persons confirmed for online care in the date range (inclusive). */
    record ExaminationDates(LocalDate from, LocalDate to) implements CareSettingCriteria {
        public ExaminationDates {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public String canonical() {
            return "exam:" + QualificationMessages.DATE.format(from) + "-" + QualificationMessages.DATE.format(to);
        }
    }

    /** A checked selection, or the file-level violation that refuses it. */
    record Outcome(CareSettingCriteria criteria, Violation violation) {
        public boolean accepted() {
            return criteria != null;
        }
    }

    DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /**
     * Checks the raw selection of an upload of {@code kind} ({@code today} bounds the 診療年月).
     *
     * @throws IllegalArgumentException for a kind that is not a care-setting flow
     */
    static Outcome of(BulkKind kind, CareSettingSearchInfo raw, LocalDate today) {
        Objects.requireNonNull(raw, "raw");
        return switch (kind) {
            case MEDICAL_ASSISTANCE -> month(raw.medicalTreatmentMonth(), today);
            case HOME_VISIT -> {
                Violation flag = flag(raw.medicalTreatmentFlag(), MedicalTreatmentFlag.HOME_VISIT);
                if (flag != null) {
                    yield new Outcome(null, flag);
                }
                if (blank(raw.consentDateFrom()) || blank(raw.consentDateTo())) {
                    yield refused(ErrorCode.MISSING_DATE_RANGE, "ConsentDateFrom", null);
                }
                yield range(raw.consentDateFrom(), raw.consentDateTo(), true);
            }
            case ONLINE_CARE -> {
                Violation flag = flag(raw.medicalTreatmentFlag(), MedicalTreatmentFlag.ONLINE);
                if (flag != null) {
                    yield new Outcome(null, flag);
                }
                boolean consent = !blank(raw.consentDateFrom()) || !blank(raw.consentDateTo());
                boolean exam = !blank(raw.examinationDateFrom()) || !blank(raw.examinationDateTo());
                if (consent && exam) {
                    yield refused(ErrorCode.MISSING_DATE_RANGE, "ExaminationDateFrom",
                            "同意日と受診日はどちらか一方のみ指定してください");
                }
                if (consent && !blank(raw.consentDateFrom()) && !blank(raw.consentDateTo())) {
                    yield range(raw.consentDateFrom(), raw.consentDateTo(), true);
                }
                if (exam && !blank(raw.examinationDateFrom()) && !blank(raw.examinationDateTo())) {
                    yield range(raw.examinationDateFrom(), raw.examinationDateTo(), false);
                }
                yield refused(ErrorCode.MISSING_DATE_RANGE, consent ? "ConsentDateFrom" : "ExaminationDateFrom", null);
            }
            default -> throw new IllegalArgumentException(kind + " carries no care-setting selection");
        };
    }

    /** Reads the stored form back ({@link #canonical()}). */
    static CareSettingCriteria parseCanonical(String text) {
        int colon = text.indexOf(':');
        String type = text.substring(0, colon);
        String value = text.substring(colon + 1);
        try {
            return switch (type) {
                case "month" -> new TreatmentMonth(YearMonth.parse(value, MONTH));
                case "consent" -> new ConsentDates(LocalDate.parse(value.substring(0, 8), QualificationMessages.DATE),
                        LocalDate.parse(value.substring(9), QualificationMessages.DATE));
                case "exam" -> new ExaminationDates(LocalDate.parse(value.substring(0, 8), QualificationMessages.DATE),
                        LocalDate.parse(value.substring(9), QualificationMessages.DATE));
                default -> throw new IllegalArgumentException("unknown criteria type: " + text);
            };
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("unreadable criteria: " + text, e);
        }
    }

    private static Outcome month(String raw, LocalDate today) {
        if (blank(raw)) {
            return refused(ErrorCode.MISSING_TREATMENT_MONTH, "MedicalTreatmentMonth", null);
        }
        String text = raw.strip();
        YearMonth month;
        try {
            if (text.length() != 6 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new DateTimeParseException("not yyyyMM", text, 0);
            }
            month = YearMonth.parse(text, MONTH);
        } catch (DateTimeParseException e) {
            return refused(ErrorCode.INVALID_TREATMENT_MONTH, "MedicalTreatmentMonth", "指定値: " + Violation.shown(raw));
        }
        if (month.isAfter(YearMonth.from(today))) {
            return refused(ErrorCode.INVALID_TREATMENT_MONTH, "MedicalTreatmentMonth", "未来の年月です: " + text);
        }
        return new Outcome(new TreatmentMonth(month), null);
    }

    private static Outcome range(String rawFrom, String rawTo, boolean consent) {
        String field = consent ? "ConsentDateFrom" : "ExaminationDateFrom";
        LocalDate from = QualificationMessages.parseDate(rawFrom.strip()).orElse(null);
        LocalDate to = QualificationMessages.parseDate(rawTo.strip()).orElse(null);
        if (from == null || to == null) {
            return refused(ErrorCode.INVALID_DATE_RANGE, field,
                    "指定値: " + Violation.shown(rawFrom) + "〜" + Violation.shown(rawTo));
        }
        if (from.isAfter(to)) {
            return refused(ErrorCode.INVALID_DATE_RANGE, field, "開始日が終了日より後です");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
            return refused(ErrorCode.INVALID_DATE_RANGE, field, "期間が" + MAX_RANGE_DAYS + "日を超えています");
        }
        return new Outcome(consent ? new ConsentDates(from, to) : new ExaminationDates(from, to), null);
    }

    private static Violation flag(String raw, MedicalTreatmentFlag expected) {
        if (blank(raw) || raw.strip().equals(expected.code())) {
            return null;
        }
        return new Violation(ErrorCode.INVALID_MEDICAL_TREATMENT_FLAG, "MedicalTreatmentFlag", "指定値: " + Violation.shown(raw));
    }

    private static Outcome refused(ErrorCode code, String field, String detail) {
        return new Outcome(null, new Violation(code, field, detail));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

}
