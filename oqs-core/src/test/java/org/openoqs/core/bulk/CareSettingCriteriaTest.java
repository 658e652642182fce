package org.openoqs.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;

/** The selection of the care-setting flows: what is accepted, and the file-level code of what is not. */
class CareSettingCriteriaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    private static CareSettingSearchInfo month(String m) {
        return new CareSettingSearchInfo(m, null, null, null, null, null);
    }

    private static CareSettingSearchInfo consent(String from, String to, String flag) {
        return new CareSettingSearchInfo(null, from, to, null, null, flag);
    }

    private static ErrorCode refusal(BulkKind kind, CareSettingSearchInfo raw) {
        CareSettingCriteria.Outcome o = CareSettingCriteria.of(kind, raw, TODAY);
        assertThat(o.accepted()).isFalse();
        assertThat(o.violation().isFileLevel()).isTrue();
        return o.violation().code();
    }

    @Test
    void medicalAssistanceNeedsAPastOrCurrentMonth() {
        assertThat(CareSettingCriteria.of(BulkKind.MEDICAL_ASSISTANCE, month("202604"), TODAY).criteria())
                .isEqualTo(new CareSettingCriteria.TreatmentMonth(YearMonth.of(2026, 4)));
        assertThat(CareSettingCriteria.of(BulkKind.MEDICAL_ASSISTANCE, month("202512"), TODAY).accepted()).isTrue();
        assertThat(refusal(BulkKind.MEDICAL_ASSISTANCE, month(null))).isEqualTo(ErrorCode.MISSING_TREATMENT_MONTH);
        assertThat(refusal(BulkKind.MEDICAL_ASSISTANCE, month("202613"))).isEqualTo(ErrorCode.INVALID_TREATMENT_MONTH);
        assertThat(refusal(BulkKind.MEDICAL_ASSISTANCE, month("2026-4"))).isEqualTo(ErrorCode.INVALID_TREATMENT_MONTH);
        assertThat(refusal(BulkKind.MEDICAL_ASSISTANCE, month("202605"))).isEqualTo(ErrorCode.INVALID_TREATMENT_MONTH);
    }

    @Test
    void homeVisitNeedsAConsentRangeAndFlagTwo() {
        assertThat(CareSettingCriteria.of(BulkKind.HOME_VISIT, consent("20260401", "20260430", "2"), TODAY).criteria())
                .isEqualTo(new CareSettingCriteria.ConsentDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
        assertThat(CareSettingCriteria.of(BulkKind.HOME_VISIT, consent("20260401", "20260430", null), TODAY).accepted())
                .isTrue();
        assertThat(refusal(BulkKind.HOME_VISIT, consent("20260401", "20260430", "3")))
                .isEqualTo(ErrorCode.INVALID_MEDICAL_TREATMENT_FLAG);
        assertThat(refusal(BulkKind.HOME_VISIT, consent("20260401", null, "2"))).isEqualTo(ErrorCode.MISSING_DATE_RANGE);
        assertThat(refusal(BulkKind.HOME_VISIT, consent("20260431", "20260501", "2"))).isEqualTo(ErrorCode.INVALID_DATE_RANGE);
        assertThat(refusal(BulkKind.HOME_VISIT, consent("20260430", "20260401", "2"))).isEqualTo(ErrorCode.INVALID_DATE_RANGE);
        assertThat(refusal(BulkKind.HOME_VISIT, consent("20250101", "20260401", "2"))).isEqualTo(ErrorCode.INVALID_DATE_RANGE);
    }

    @Test
    void onlineCareTakesConsentOrExaminationDatesButNotBoth() {
        CareSettingSearchInfo exam = new CareSettingSearchInfo(null, null, null, "20260401", "20260402", "3");
        assertThat(CareSettingCriteria.of(BulkKind.ONLINE_CARE, exam, TODAY).criteria())
                .isEqualTo(new CareSettingCriteria.ExaminationDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2)));
        assertThat(CareSettingCriteria.of(BulkKind.ONLINE_CARE, consent("20260401", "20260401", "3"), TODAY).criteria())
                .isInstanceOf(CareSettingCriteria.ConsentDates.class);
        CareSettingSearchInfo both = new CareSettingSearchInfo(null, "20260401", "20260402", "20260401", "20260402", "3");
        assertThat(refusal(BulkKind.ONLINE_CARE, both)).isEqualTo(ErrorCode.MISSING_DATE_RANGE);
        assertThat(refusal(BulkKind.ONLINE_CARE, consent(null, null, "3"))).isEqualTo(ErrorCode.MISSING_DATE_RANGE);
    }

    @Test
    void theStoredFormReadsBack() {
        for (CareSettingCriteria c : new CareSettingCriteria[] {
                new CareSettingCriteria.TreatmentMonth(YearMonth.of(2026, 4)),
                new CareSettingCriteria.ConsentDates(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)),
                new CareSettingCriteria.ExaminationDates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2))}) {
            assertThat(CareSettingCriteria.parseCanonical(c.canonical())).isEqualTo(c);
        }
    }
}
