package org.openoqs.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryWarningScheduleTest {
    static final Instant NOT_AFTER = Instant.parse("2027-03-31T14:59:59Z"); // 2027-03-31 23:59:59 JST

    static String slotAt(Duration beforeEnd) {
        return ExpiryWarningSchedule.warningAt(NOT_AFTER, NOT_AFTER.minus(beforeEnd))
                .map(ExpiryWarningSchedule.ExpiryWarning::slot).orElse("none");
    }

    @Test
    void warnsAtNinetySixtyThirtyFifteenAndSevenDays() {
        assertThat(slotAt(Duration.ofDays(91))).isEqualTo("none");
        assertThat(slotAt(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(slotAt(Duration.ofDays(61))).isEqualTo("90d");
        assertThat(slotAt(Duration.ofDays(60))).isEqualTo("60d");
        assertThat(slotAt(Duration.ofDays(30))).isEqualTo("30d");
        assertThat(slotAt(Duration.ofDays(16))).isEqualTo("30d");
        assertThat(slotAt(Duration.ofDays(15))).isEqualTo("15d");
        assertThat(slotAt(Duration.ofDays(7))).isEqualTo("7d");
        assertThat(slotAt(Duration.ofHours(1))).isEqualTo("7d");
    }

    @Test
    void afterExpiryEveryDayIsItsOwnSlot() {
        Instant dayOne = NOT_AFTER.plus(Duration.ofHours(2));
        Instant dayTwo = dayOne.plus(Duration.ofDays(1));

        var first = ExpiryWarningSchedule.warningAt(NOT_AFTER, dayOne).orElseThrow();
        var second = ExpiryWarningSchedule.warningAt(NOT_AFTER, dayTwo).orElseThrow();

        assertThat(first.expired()).isTrue();
        assertThat(first.slot()).isEqualTo("expired-2027-04-01");
        assertThat(second.slot()).isEqualTo("expired-2027-04-02");
        assertThat(second.message()).contains("切れています").contains("1日経過").contains("2027年3月31日");
    }

    @Test
    void messageNamesTheEndDateAndDaysLeft() {
        var warning = ExpiryWarningSchedule.warningAt(NOT_AFTER, NOT_AFTER.minus(Duration.ofDays(30))).orElseThrow();

        assertThat(warning.daysLeft()).isEqualTo(30);
        assertThat(warning.message()).isEqualTo(
                "クライアント証明書の有効期限（2027年3月31日）まであと30日です。期限までに証明書を更新してください。");
    }
}
