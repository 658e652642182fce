package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;
import static org.openoqs.core.eligibility.EligibilityFixture.with;

import org.junit.jupiter.api.Test;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** 後期高齢者: no 記号, no 枝番, no 本人・家族, and the partial-contribution ratio. */
class LateElderlyShapeTest {

    @Test
    void lateElderlyRecordShape() {
        ResultOfQualificationConfirmation r = ask("kouki").results().get(0);
        assertThat(r.insurerNumber()).isEqualTo("39199948");
        assertThat(r.insuredCardSymbol()).isNull();
        assertThat(r.insuredBranchNumber()).isNull();
        assertThat(r.personalFamilyClassification()).isNull();
        assertThat(r.insuredPartialContributionRatio()).isEqualTo("010");
        assertThat(r.elderlyRecipientCertificateInfo()).isNull();
        assertThat(r.name()).isEqualTo("田中　正男");
        assertThat(r.nameKana()).isEqualTo("ﾀﾅｶ ﾏｻｵ");
    }

    @Test
    void aBranchNumberSentForALateElderlyIsIgnored() {
        QualificationConfirmSearchInfo i = persona("kouki").inquiry();
        assertThat(ask(with(i, i.insurerNumber(), null, i.insuredIdentificationNumber(), "00", i.birthdate(), "1"))
                .qualificationValidity()).isEqualTo(QualificationValidity.VALID);
    }

    @Test
    void otherInsuranceHasNoRatioButHasFamilyShape() {
        ResultOfQualificationConfirmation r = ask("shaho-kazoku").results().get(0);
        assertThat(r.insuredPartialContributionRatio()).isNull();
        assertThat(r.insuredBranchNumber()).isEqualTo("01");
        assertThat(r.personalFamilyClassification().code()).isEqualTo("2");
        assertThat(r.insuredName()).isEqualTo("山田　太郎");
        assertThat(r.name()).isEqualTo("山田　花子");
    }
}
