package org.openoqs.core.medical;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.validation.Violation;

/**
 * The months of medical information asked for ({@code StartDate} … {@code EndDate}, both inclusive). One rule for
 * the request file and the portal's period form: months are {@code yyyyMM}; no end means the current month and an
 * end after it is cut to it; no start means the window's default months up to the end; at most the window's months;
 * start not after end. Anything else is {@link ErrorCode#INVALID_MONTH_RANGE}. The window depends on what is asked
 * for: {@link Window#DRUG_HISTORY} (薬剤情報) or {@link Window#CLINICAL} (電子カルテ情報).
 */
public record DrugHistoryPeriod(YearMonth from, YearMonth to) {

    public static final int MAX_MONTHS = 36;
    public static final int DEFAULT_MONTHS = 12;

    /** How many months one request may span, and how many it gets when it names no start. */
    public record Window(int defaultMonths, int maxMonths) {
        /** 薬剤情報: the last 12 months unless asked otherwise, at most 36 (the service keeps about three years). */
        public static final Window DRUG_HISTORY = new Window(DEFAULT_MONTHS, MAX_MONTHS);
        /**
         * 電子カルテ情報 (6情報): 60 months back by default and at most — the five years 傷病名 / アレルギー / 感染症 /
         * 薬剤禁忌 are kept after registration, and the 60-month default an EMR sends (CIP-PMH.md §1.6, §1.9).
         */
        public static final Window CLINICAL = new Window(60, 60);

        public Window {
            if (defaultMonths < 1 || maxMonths < defaultMonths) {
                throw new IllegalArgumentException("window " + defaultMonths + "/" + maxMonths);
            }
        }
    }
    private static final DateTimeFormatter YYYYMM = DateTimeFormatter.ofPattern("uuuuMM");
    private static final String FIELD = "StartDate";

    /** A resolved period, or why the months cannot be one. */
    public sealed interface Resolution permits Valid, Invalid {
    }

    public record Valid(DrugHistoryPeriod period) implements Resolution {
    }

    public record Invalid(Violation violation) implements Resolution {
    }

    public static DrugHistoryPeriod lastMonths(YearMonth thisMonth) {
        return new DrugHistoryPeriod(thisMonth.minusMonths(DEFAULT_MONTHS - 1L), thisMonth);
    }

    /** Resolves a drug-history period ({@link Window#DRUG_HISTORY}). */
    public static Resolution resolve(String startText, String endText, YearMonth thisMonth) {
        return resolve(startText, endText, thisMonth, Window.DRUG_HISTORY);
    }

    /** Resolves the texts as written ({@code yyyyMM}, blank for "not given") against the current month. */
    public static Resolution resolve(String startText, String endText, YearMonth thisMonth, Window window) {
        Optional<YearMonth> end = month(endText, thisMonth);
        Optional<YearMonth> start = month(startText, null);
        if (end.isEmpty() || (!isBlank(startText) && start.isEmpty())) {
            return new Invalid(new Violation(ErrorCode.INVALID_MONTH_RANGE, FIELD,
                    "指定値: " + shown(startText) + "〜" + shown(endText)));
        }
        YearMonth to = end.get().isAfter(thisMonth) ? thisMonth : end.get();
        YearMonth from = start.orElse(to.minusMonths(window.defaultMonths() - 1L));
        if (from.isAfter(to) || from.plusMonths(window.maxMonths()).isBefore(to.plusMonths(1))) {
            return new Invalid(new Violation(ErrorCode.INVALID_MONTH_RANGE, FIELD,
                    "指定値: " + from.format(YYYYMM) + "〜" + to.format(YYYYMM) + "（最長" + window.maxMonths() + "か月）"));
        }
        return new Valid(new DrugHistoryPeriod(from, to));
    }

    public String startText() {
        return from.format(YYYYMM);
    }

    public String endText() {
        return to.format(YYYYMM);
    }

    /** {@code yyyyMM}; blank → {@code fallback} (empty when there is none). */
    private static Optional<YearMonth> month(String text, YearMonth fallback) {
        if (isBlank(text)) {
            return Optional.ofNullable(fallback);
        }
        String t = text.strip();
        if (!t.matches("[0-9]{6}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(t, YYYYMM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String shown(String text) {
        return isBlank(text) ? "（なし）" : Violation.shown(text.strip());
    }
}
