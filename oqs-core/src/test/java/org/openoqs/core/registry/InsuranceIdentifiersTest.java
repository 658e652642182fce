package org.openoqs.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsuranceIdentifiersTest {

    @Test
    void unifiesWidthCaseAndSpaces() {
        assertThat(InsuranceIdentifiers.normalize("ＡＢ１２")).isEqualTo("AB12");
        assertThat(InsuranceIdentifiers.normalize(" ab 12\u3000")).isEqualTo("AB12");
        assertThat(InsuranceIdentifiers.normalize("12－34")).isEqualTo("12-34");
        assertThat(InsuranceIdentifiers.normalize("12\u221234")).isEqualTo("12-34");
        assertThat(InsuranceIdentifiers.normalize("ｱｲ")).isEqualTo("アイ");
        assertThat(InsuranceIdentifiers.normalize("光０１")).isEqualTo("光01");
    }

    @Test
    void keepsLeadingZerosButPadsOneDigitBranches() {
        assertThat(InsuranceIdentifiers.normalize("0012")).isEqualTo("0012");
        assertThat(InsuranceIdentifiers.normalizeBranch("1")).isEqualTo("01");
        assertThat(InsuranceIdentifiers.normalizeBranch("０１")).isEqualTo("01");
        assertThat(InsuranceIdentifiers.normalizeBranch(null)).isEmpty();
    }

    @Test
    void blankIsAbsent() {
        assertThat(InsuranceIdentifiers.isAbsent(null)).isTrue();
        assertThat(InsuranceIdentifiers.isAbsent(" \u3000")).isTrue();
        assertThat(InsuranceIdentifiers.isAbsent("1")).isFalse();
    }
}
