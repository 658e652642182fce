package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.PersonalFamilyClassification;
import org.openoqs.core.code.PreschoolClassification;
import org.openoqs.core.code.Sex;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/** The result record carries every field the registry has. */
class ResultRecordTest {

    @Test
    void fullRecordOfAnInsuredPerson() {
        ResultOfQualificationConfirmation r = ask("shaho-honnin").results().get(0);
        assertThat(r.insuredCardClassification()).isEqualTo(InsuredCardClassification.GENERAL);
        assertThat(r.insurerNumber()).isEqualTo("06199905");
        assertThat(r.insuredCardSymbol()).isEqualTo("1201");
        assertThat(r.insuredIdentificationNumber()).isEqualTo("4501");
        assertThat(r.insuredBranchNumber()).isEqualTo("00");
        assertThat(r.personalFamilyClassification()).isEqualTo(PersonalFamilyClassification.INSURED_PERSON);
        assertThat(r.insuredName()).isEqualTo("山田　太郎");
        assertThat(r.name()).isEqualTo("山田　太郎");
        assertThat(r.nameKana()).isEqualTo("ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(r.sex1()).isEqualTo(Sex.MALE);
        assertThat(r.birthdate()).isEqualTo(LocalDate.of(1985, 4, 12));
        assertThat(r.address()).startsWith("山梨県光野市");
        assertThat(r.postNumber()).matches("\\d{3}-\\d{4}");
        assertThat(r.qualificationDate()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(r.insuredCertificateIssuanceDate()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(r.insuredCardValidDate()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(r.disqualificationDate()).isNull();
        assertThat(r.insurerName()).isEqualTo("はなみずき健康保険組合");
        assertThat(r.preschoolClassification()).isNull();
    }

    @Test
    void preschoolIsDerivedFromTheConfirmationDate() {
        var twin = persona("fukusu-gaitou").inquiry();
        var young = SERVICE.answer(twin, LocalDate.of(2021, 4, 1), true, null, NOW).results().get(0);
        var old = SERVICE.answer(twin, LocalDate.of(2022, 4, 1), true, null, NOW).results().get(0);
        assertThat(young.preschoolClassification()).isEqualTo(PreschoolClassification.PRESCHOOL);
        assertThat(old.preschoolClassification()).isNull();
    }

    @Test
    void answerForPersonServesCardConfirmations() {
        var yoko = persona("shin-shikaku");
        var body = SERVICE.answerForPerson(yoko.person().personId(), EligibilityFixture.DATE, true, false, null, NOW);
        assertThat(body.searchInfoEcho()).isNull();
        assertThat(body.qualificationValidity().code()).isEqualTo("1");
        assertThat(body.results()).singleElement().satisfies(r -> assertThat(r.insurerNumber()).isEqualTo("32199929"));
        var lost = SERVICE.answerForPerson(persona("soushitsu").person().personId(), EligibilityFixture.DATE, true, true,
                null, NOW);
        assertThat(lost.qualificationValidity().code()).isEqualTo("2");
        var welfare = SERVICE.answerForPerson(persona("iryo-fujo").person().personId(), EligibilityFixture.DATE, false,
                true, null, NOW);
        assertThat(welfare.processingResultCode()).isEqualTo(EligibilityService.MEDICAL_ASSISTANCE_NOT_ENABLED_CODE);
        assertThat(SERVICE.answerForPerson("nobody", EligibilityFixture.DATE, true, true, null, NOW)
                .qualificationValidity().code()).isEqualTo("4");
    }
}
