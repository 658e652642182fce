package org.openoqs.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.error.InputRejectedException;

/** Outpatient consents last 24 hours then read 0; 訪問/オンライン ones last 365 days then read 2. */
class ConsentRulesTest {

    static final LocalDateTime T = LocalDateTime.of(2026, 4, 1, 9, 30);

    @Test
    void outpatientConsentEndsAfter24Hours() {
        ConsentRecord r = new ConsentRecord("0113810014", "P1", ConsentCategory.DRUG, MedicalTreatmentFlag.OUTPATIENT, T,
                ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT, T));
        assertThat(r.availableUntil()).isEqualTo(T.plusHours(24));
        assertThat(ConsentRules.statusAt(r, T.plusHours(23))).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(ConsentRules.statusAt(r, T.plusHours(24))).isEqualTo(ConsentStatus.NOT_CONSENTED);
        assertThat(ConsentRules.statusAt(null, T)).isEqualTo(ConsentStatus.NOT_CONSENTED);
    }

    @Test
    void homeVisitConsentLastsAYearThenReadsExpired() {
        ConsentRecord r = new ConsentRecord("0113810014", "P1", ConsentCategory.DRUG, MedicalTreatmentFlag.HOME_VISIT, T,
                ConsentRules.availableUntil(MedicalTreatmentFlag.HOME_VISIT, T));
        assertThat(ConsentRules.statusAt(r, T.plusDays(364))).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(ConsentRules.statusAt(r, T.plusDays(365))).isEqualTo(ConsentStatus.EXPIRED);
    }

    @Test
    void unknownChoiceIsNamedInTheError() {
        assertThat(ConsentChoices.parse(" drug, limit ,")).containsExactlyInAnyOrder(ConsentCategory.DRUG, ConsentCategory.LIMIT);
        assertThatThrownBy(() -> ConsentChoices.parse("drug,xray"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("OQSP3021").hasMessageContaining("xray");
    }
}
