package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;
import static org.openoqs.core.eligibility.EligibilityFixture.with;

import org.junit.jupiter.api.Test;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** Twins with one birthdate: without 枝番 the inquiry matches two people. */
class MultipleMatchesTest {

    @Test
    void withoutBranchBothTwinsAreReturned() {
        QualificationResultBody body = ask("fukusu-gaitou");
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.MULTIPLE_MATCHES);
        assertThat(body.results()).hasSize(2);
        assertThat(body.results()).extracting(ResultOfQualificationConfirmation::name)
                .containsExactly("佐藤　翔太", "佐藤　美咲");
        assertThat(body.results()).extracting(ResultOfQualificationConfirmation::insuredBranchNumber)
                .containsExactly("01", "02");
    }

    @Test
    void withBranchOnlyOneTwinMatches() {
        QualificationConfirmSearchInfo i = persona("fukusu-gaitou").inquiry();
        QualificationResultBody body = ask(with(i, i.insurerNumber(), i.insuredCardSymbol(), i.insuredIdentificationNumber(),
                "2", i.birthdate(), "1"));
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(body.results()).singleElement().extracting(ResultOfQualificationConfirmation::name)
                .isEqualTo("佐藤　美咲");
    }
}
