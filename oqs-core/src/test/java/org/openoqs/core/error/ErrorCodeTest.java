package org.openoqs.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void codesAreUniqueAndFollowTheSchemeOfTheirLevel() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(seen.add(c.code())).as("duplicate %s", c.code()).isTrue();
            String prefix = c.level() == ErrorCode.Level.FILE ? "OQSF" : "OQSP";
            assertThat(c.code()).as(c.name()).matches(prefix + "\\d{4}");
        }
    }

    @Test
    void everyCodeHasAJapaneseMessageAndADescription() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(c.message()).as(c.name()).isNotBlank()
                    .matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*")
                    .endsWith("。");
            assertThat(c.description()).as(c.name()).isNotBlank();
        }
    }

    @Test
    void personLevelMessagesNameTheirField() {
        // OQSP2xxx below 2200 are about a field of the search block; 2200+ are about the facility's settings.
        Arrays.stream(ErrorCode.values()).filter(ErrorCode::isPersonLevel)
                .filter(c -> c.code().compareTo("OQSP2200") < 0)
                .forEach(c -> assertThat(c.message()).as(c.name()).containsPattern("（[A-Za-z]+）"));
    }

    @Test
    void fromCodeFindsEveryCodeAndNothingElse() {
        for (ErrorCode c : ErrorCode.values()) {
            assertThat(ErrorCode.fromCode(c.code())).contains(c);
            assertThat(ErrorCode.fromCode(" " + c.code() + "\n")).contains(c);
        }
        assertThat(ErrorCode.fromCode("OQSF0000")).isEmpty();
        assertThat(ErrorCode.fromCode(null)).isEmpty();
        assertThat(ErrorCode.fromCode("EPSB1032W")).isEmpty();
    }

    @Test
    void messageWithAppendsDetailInFullWidthParentheses() {
        assertThat(ErrorCode.FUTURE_BIRTHDATE.messageWith("指定値: 20991231"))
                .isEqualTo("生年月日（Birthdate）が未来の日付です。（指定値: 20991231）");
        assertThat(ErrorCode.FUTURE_BIRTHDATE.messageWith(null)).isEqualTo(ErrorCode.FUTURE_BIRTHDATE.message());
        assertThat(ErrorCode.FUTURE_BIRTHDATE.messageWith(" ")).isEqualTo(ErrorCode.FUTURE_BIRTHDATE.message());
    }

    @Test
    void rejectedExceptionCarriesCodeAndDetail() {
        InputRejectedException e = new InputRejectedException(ErrorCode.EMPTY_FILE, "0バイト");
        assertThat(e.errorCode()).isEqualTo(ErrorCode.EMPTY_FILE);
        assertThat(e.detail()).isEqualTo("0バイト");
        assertThat(e.getMessage()).startsWith("OQSF1001 ");
        assertThat(e.userMessage()).endsWith("（0バイト）");
    }
}
