package org.openoqs.core.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.message.ClinsConsents;
import org.openoqs.core.message.Consent;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/**
 * The 電子カルテ情報 consent in results: one consent shown in all six 2025 triplets where the facility switched the
 * service on (flag 0 without times when the patient declined, 1 with its period inside it, 2 after a 訪問診療 one
 * ran out), nothing where it is off — whatever the patient consented to.
 */
class ClinsConsentResultsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 4, 1, 9, 30);
    private static final ResultOfQualificationConfirmation RECORD = ResultOfQualificationConfirmation.builder()
            .name("試験　花子").build();

    private static ConsentRecord clins(MedicalTreatmentFlag treatment) {
        return new ConsentRecord("0113810014", "P1", ConsentCategory.CLINS, treatment, T,
                ConsentRules.availableUntil(treatment, T));
    }

    @Test
    void aConsentInForceShowsInAllSixTriplets() {
        ClinsConsents shown = ConsentResults.apply(RECORD, Map.of(ConsentCategory.CLINS,
                clins(MedicalTreatmentFlag.OUTPATIENT)), T.plusHours(1), false, true).clinsConsents();
        assertThat(shown.inFileOrder()).hasSize(6)
                .containsOnly(new Consent(ConsentStatus.CONSENTED, T, T.plusHours(24)));
    }

    @Test
    void aPatientWhoDeclinedReadsZeroWithoutTimes() {
        ResultOfQualificationConfirmation r = ConsentResults.apply(RECORD,
                Map.of(ConsentCategory.DRUG, new ConsentRecord("0113810014", "P1", ConsentCategory.DRUG,
                        MedicalTreatmentFlag.OUTPATIENT, T, T.plusHours(24))), T.plusHours(1), false, true);
        assertThat(r.clinsConsents().inFileOrder()).containsOnly(new Consent(ConsentStatus.NOT_CONSENTED, null, null));
        assertThat(r.pharmacistsInfo().flag()).isEqualTo(ConsentStatus.CONSENTED);
    }

    @Test
    void theConsentPeriodIsTheOthersOne() {
        assertThat(ConsentResults.apply(RECORD, Map.of(ConsentCategory.CLINS, clins(MedicalTreatmentFlag.OUTPATIENT)),
                T.plusHours(24), false, true).clinsConsents().diagnosisName().flag())
                .isEqualTo(ConsentStatus.NOT_CONSENTED);
        assertThat(ConsentResults.apply(RECORD, Map.of(ConsentCategory.CLINS, clins(MedicalTreatmentFlag.HOME_VISIT)),
                T.plusDays(365), false, true).clinsConsents().testInfo())
                .isEqualTo(new Consent(ConsentStatus.EXPIRED, T, T.plusDays(365)));
    }

    @Test
    void aFacilityWithoutTheServiceGetsNoTriplets() {
        ResultOfQualificationConfirmation r = ConsentResults.apply(RECORD,
                Map.of(ConsentCategory.CLINS, clins(MedicalTreatmentFlag.OUTPATIENT)), T.plusHours(1), true, false);
        assertThat(r.clinsConsents()).isNull();
        assertThat(r.operationInfo()).isNotNull();
    }

    @Test
    void clinsIsAChoiceWithAViewingPeriodAndNoKindCode() {
        assertThat(ConsentChoices.parse("drug,clins")).containsExactlyInAnyOrder(ConsentCategory.DRUG,
                ConsentCategory.CLINS);
        assertThat(ConsentCategory.CLINS.isViewing()).isTrue();
        assertThat(ConsentCategory.CLINS.kindCode()).isNull();
        assertThat(ConsentCategory.CLINS.label()).isEqualTo("電子カルテ情報");
    }
}
