package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReasonOfLoss;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** 2 無効 and 3 無効（新しい資格あり）. */
class LostQualificationTest {

    @Test
    void lostWithoutNewerAnswersInvalidWithTheLossDetails() {
        QualificationResultBody body = ask("soushitsu");
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.INVALID);
        assertThat(body.results()).singleElement().satisfies(r -> {
            assertThat(r.disqualificationDate()).isEqualTo(LocalDate.of(2020, 4, 1));
            assertThat(r.reasonOfLoss()).isEqualTo(ReasonOfLoss.OTHER);
        });
    }

    @Test
    void newerQualificationReturnsBothRecordsLostFirst() {
        QualificationResultBody body = ask("shin-shikaku");
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.INVALID_NEWER_EXISTS);
        assertThat(body.results()).hasSize(2);
        ResultOfQualificationConfirmation lost = body.results().get(0);
        ResultOfQualificationConfirmation current = body.results().get(1);
        assertThat(lost.insurerNumber()).isEqualTo("01199918");
        assertThat(lost.disqualificationDate()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(current.insurerNumber()).isEqualTo("32199929");
        assertThat(current.disqualificationDate()).isNull();
        assertThat(current.qualificationDate()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(current.name()).isEqualTo(lost.name());
    }

    @Test
    void beforeTheLossTheOldQualificationIsStillValid() {
        QualificationResultBody body = SERVICE.answer(persona("shin-shikaku").inquiry(), LocalDate.of(2019, 6, 1), true,
                null, NOW);
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
    }

    @Test
    void beforeAnyQualificationStartedNothingIsFound() {
        QualificationResultBody body = SERVICE.answer(persona("shaho-honnin").inquiry(), LocalDate.of(2019, 6, 1), true,
                null, NOW);
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(body.results()).isEmpty();
    }
}
