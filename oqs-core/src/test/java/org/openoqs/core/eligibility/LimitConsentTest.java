package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;
import static org.openoqs.core.eligibility.EligibilityFixture.with;

import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.LimitApplicationCertificateClassificationFlag;
import org.openoqs.core.code.LimitApplicationConsent;
import org.openoqs.core.code.SpecificDiseasesDiseaseCategory;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** 限度額 and 特定疾病 information is disclosed only with LimitApplicationCertificateRelatedConsFlg = 1. */
class LimitConsentTest {

    @Test
    void limitInformationWithConsent() {
        ResultOfQualificationConfirmation r = ask("gendogaku").results().get(0);
        assertThat(r.limitApplicationCertificateRelatedConsFlg()).isEqualTo(LimitApplicationConsent.CONSENTED);
        assertThat(r.limitApplicationCertificateRelatedConsTime()).isEqualTo(NOW);
        assertThat(r.limitApplicationCertificateRelatedInfo()).isNotNull();
        assertThat(r.limitApplicationCertificateRelatedInfo().classificationFlag())
                .isEqualTo(LimitApplicationCertificateClassificationFlag.A03);
    }

    @Test
    void noLimitInformationWithoutConsent() {
        QualificationConfirmSearchInfo i = persona("gendogaku").inquiry();
        ResultOfQualificationConfirmation r = ask(with(i, i.insurerNumber(), i.insuredCardSymbol(),
                i.insuredIdentificationNumber(), i.insuredBranchNumber(), i.birthdate(), "0")).results().get(0);
        assertThat(r.limitApplicationCertificateRelatedConsFlg()).isEqualTo(LimitApplicationConsent.NOT_CONSENTED);
        assertThat(r.limitApplicationCertificateRelatedConsTime()).isNull();
        assertThat(r.limitApplicationCertificateRelatedInfo()).isNull();
    }

    @Test
    void specificDiseasesFollowTheSameConsent() {
        ResultOfQualificationConfirmation with = ask("tokutei-shippei").results().get(0);
        assertThat(with.specificDiseasesCertificateRelatedConsFlg()).isEqualTo(ConsentStatus.CONSENTED);
        assertThat(with.specificDiseasesCertificateRelatedConsTime()).isEqualTo(NOW);
        assertThat(with.specificDiseasesCertificates()).singleElement().satisfies(s -> {
            assertThat(s.diseaseCategory()).isEqualTo(SpecificDiseasesDiseaseCategory.CHRONIC_RENAL_FAILURE_DIALYSIS);
            assertThat(s.selfPay()).isEqualTo("10000");
        });

        QualificationConfirmSearchInfo i = persona("tokutei-shippei").inquiry();
        ResultOfQualificationConfirmation without = ask(with(i, i.insurerNumber(), i.insuredCardSymbol(),
                i.insuredIdentificationNumber(), i.insuredBranchNumber(), i.birthdate(), "0")).results().get(0);
        assertThat(without.specificDiseasesCertificateRelatedConsFlg()).isEqualTo(ConsentStatus.NOT_CONSENTED);
        assertThat(without.specificDiseasesCertificates()).isEmpty();
    }
}
