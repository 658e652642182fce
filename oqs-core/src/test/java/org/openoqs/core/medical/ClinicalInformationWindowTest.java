package org.openoqs.core.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.medical.MedicalInformationIntakeTest.KEYS;
import static org.openoqs.core.medical.MedicalInformationIntakeTest.NOW;
import static org.openoqs.core.medical.MedicalInformationIntakeTest.request;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;

/**
 * 電子カルテ情報 ({@code CIPsiquc01}) asks for up to five years — the 6情報 are kept five years and an EMR asks for
 * 60 months back by default — while 薬剤情報 keeps its 36-month window (CIP-PMH.md §1.6, §1.9; docs/clins.md).
 */
class ClinicalInformationWindowTest {

    @Test
    void noMonthsGivenIsTheLastSixtyMonths() {
        MedicalInformationRequest r = accepted("<FileCategory>2</FileCategory>");

        assertThat(r.from()).isEqualTo(YearMonth.of(2021, 12));
        assertThat(r.to()).isEqualTo(NOW);
    }

    @Test
    void sixtyMonthsAreAllowedAndSixtyOneAreRefusedNamingTheWindow() {
        assertThat(accepted("<FileCategory>2</FileCategory><StartDate>202112</StartDate><EndDate>202611</EndDate>")
                .from()).isEqualTo(YearMonth.of(2021, 12));

        MedicalInformationIntake.Rejected refused = rejected(MedicalInformationKind.CLINICAL,
                "<FileCategory>2</FileCategory><StartDate>202111</StartDate><EndDate>202611</EndDate>");

        assertThat(refused.violation().code()).isEqualTo(ErrorCode.INVALID_MONTH_RANGE);
        assertThat(refused.violation().message()).contains("202111〜202611", "最長60か月");
    }

    @Test
    void theDrugHistoryKeepsItsThirtySixMonths() {
        MedicalInformationIntake.Rejected refused = rejected(MedicalInformationKind.DRUG,
                "<FileCategory>2</FileCategory><StartDate>202112</StartDate><EndDate>202611</EndDate>");

        assertThat(refused.violation().code()).isEqualTo(ErrorCode.INVALID_MONTH_RANGE);
        assertThat(refused.violation().message()).contains("最長36か月");
    }

    private static MedicalInformationRequest accepted(String body) {
        MedicalInformationIntake.Outcome o = MedicalInformationIntake.check(request(KEYS, body),
                MedicalInformationKind.CLINICAL, "0113810014", NOW);
        assertThat(o).isInstanceOf(MedicalInformationIntake.Accepted.class);
        return ((MedicalInformationIntake.Accepted) o).request();
    }

    private static MedicalInformationIntake.Rejected rejected(MedicalInformationKind kind, String body) {
        MedicalInformationIntake.Outcome o = MedicalInformationIntake.check(request(KEYS, body), kind, "0113810014",
                NOW);
        assertThat(o).isInstanceOf(MedicalInformationIntake.Rejected.class);
        return (MedicalInformationIntake.Rejected) o;
    }
}
