package org.openoqs.core.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;

/** One month rule for the request file and the portal: defaults, the cut at this month, 36 months, bad months. */
class DrugHistoryPeriodTest {

    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);

    @Test
    void nothingGivenIsTheLastTwelveMonths() {
        assertThat(valid("", "")).isEqualTo(new DrugHistoryPeriod(YearMonth.of(2025, 12), NOV_2026));
        assertThat(valid(null, null)).isEqualTo(DrugHistoryPeriod.lastMonths(NOV_2026));
    }

    @Test
    void anEndAfterThisMonthIsCutAndAStartAloneRunsToThisMonth() {
        assertThat(valid("202601", "202704")).isEqualTo(new DrugHistoryPeriod(YearMonth.of(2026, 1), NOV_2026));
        assertThat(valid("202601", "")).isEqualTo(new DrugHistoryPeriod(YearMonth.of(2026, 1), NOV_2026));
    }

    @Test
    void thirtySixMonthsAreAllowedAndThirtySevenAreNot() {
        assertThat(valid("202312", "202611").from()).isEqualTo(YearMonth.of(2023, 12));
        assertThat(invalidDetail("202311", "202611")).contains("202311〜202611");
    }

    @Test
    void badMonthsAndReversedRangesAreRefusedWithTheirValues() {
        assertThat(invalidDetail("202613", "")).contains("202613");
        assertThat(invalidDetail("2026-1", "")).contains("2026-1");
        assertThat(invalidDetail("", "20261")).contains("20261");
        assertThat(invalidDetail("202605", "202601")).contains("202605〜202601");
    }

    private static DrugHistoryPeriod valid(String start, String end) {
        DrugHistoryPeriod.Resolution r = DrugHistoryPeriod.resolve(start, end, NOV_2026);
        assertThat(r).isInstanceOf(DrugHistoryPeriod.Valid.class);
        return ((DrugHistoryPeriod.Valid) r).period();
    }

    private static String invalidDetail(String start, String end) {
        DrugHistoryPeriod.Resolution r = DrugHistoryPeriod.resolve(start, end, NOV_2026);
        assertThat(r).isInstanceOf(DrugHistoryPeriod.Invalid.class);
        DrugHistoryPeriod.Invalid invalid = (DrugHistoryPeriod.Invalid) r;
        assertThat(invalid.violation().code()).isEqualTo(ErrorCode.INVALID_MONTH_RANGE);
        return invalid.violation().message();
    }
}
