package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** 高齢受給者証 information appears while the certificate is valid (70–74). */
class ElderlyRecipientTest {

    @Test
    void seventyToSeventyFourCarriesTheCertificate() {
        ResultOfQualificationConfirmation r = ask("kourei-jukyu").results().get(0);
        assertThat(r.elderlyRecipientCertificateInfo()).isNotNull();
        assertThat(r.elderlyRecipientCertificateInfo().contributionRatio()).isEqualTo("020");
        assertThat(r.insuredPartialContributionRatio()).isNull();
    }

    @Test
    void notBeforeSeventy() {
        var body = SERVICE.answer(persona("kourei-jukyu").inquiry(), LocalDate.of(2022, 4, 1), true, null, NOW);
        assertThat(body.results().get(0).elderlyRecipientCertificateInfo()).isNull();
    }
}
