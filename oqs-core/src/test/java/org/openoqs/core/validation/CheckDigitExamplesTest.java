package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InstitutionCode;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.examples.ExampleCorpus;

/** The worked examples of MHLW's 別添２ and the parsing rules the validator relies on. */
class CheckDigitExamplesTest {

    @Test
    void officialInsurerNumberExample() {
        assertThat(CheckDigit.of("0613048")).isEqualTo(8);
        assertThat(CheckDigit.isValid("06130488")).isTrue();
        assertThat(CheckDigit.isValid("06130487")).isFalse();
    }

    @Test
    void officialInstitutionCodeExample() {
        assertThat(CheckDigit.of("341071236")).isEqualTo(2);
        assertThat(new InstitutionCode("3410712362").prefecture()).isEqualTo("34");
    }

    @Test
    void corpusInstitutionCodesAreCheckDigitValid() {
        assertThat(CheckDigit.isValid(ExampleCorpus.DEMO_INSTITUTION_CODE)).isTrue();
        assertThat(CheckDigit.isValid(ExampleCorpus.OTHER_INSTITUTION_CODE)).isTrue();
        assertThat(CheckDigit.complete("011381001")).isEqualTo(ExampleCorpus.DEMO_INSTITUTION_CODE);
        assertThat(CheckDigit.isValid("0113810015")).as("the code first proposed for the demo facility").isFalse();
    }

    @Test
    void insurerNumberParsesFileForms() {
        assertThat(InsurerNumber.parse("06130488").digits()).isEqualTo("06130488");
        assertThat(InsurerNumber.parse("  138008").digits()).isEqualTo("138008");
        assertThat(InsurerNumber.parse("138008").fileForm()).isEqualTo("  138008");
        // leading zeros never change the check digit, so "00"+6 digits is also a valid 8-digit number: the
        // validator (not InsurerNumber.parse) decides it is a zero-padded 国保 number
        assertThat(CheckDigit.isValid("00138008")).isTrue();
        assertThat(InquiryValidator.insurerNumberOf(
                new org.openoqs.core.message.QualificationConfirmSearchInfo("00138008", null, "1", null, "19800101", "0", null))
                .digits()).isEqualTo("138008");
        assertThat(InsurerNumber.parse("39279914").isLateElderly()).isTrue();
        assertThatThrownBy(() -> InsurerNumber.parse("0613048")).isInstanceOf(InvalidNumberException.class);
        assertThatThrownBy(() -> InsurerNumber.parse("06130487")).isInstanceOf(InvalidNumberException.class);
        assertThatThrownBy(() -> InsurerNumber.parse(" ")).isInstanceOf(InvalidNumberException.class);
    }

    @Test
    void institutionCodeParsing() {
        assertThat(InstitutionCode.parse(" 0113810014 ").digits()).isEqualTo("0113810014");
        assertThat(InstitutionCode.parse("0113810014").isPharmacy()).isFalse();
        assertThatThrownBy(() -> InstitutionCode.parse("0113810015"))
                .isInstanceOf(InvalidNumberException.class).hasMessageContaining("検証番号");
        assertThatThrownBy(() -> InstitutionCode.parse("011381001")).isInstanceOf(InvalidNumberException.class);
    }
}
