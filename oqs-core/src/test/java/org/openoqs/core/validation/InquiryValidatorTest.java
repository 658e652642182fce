package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;

class InquiryValidatorTest {

    static final String FACILITY = "0113810014";
    static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
    static final QualificationConfirmSearchInfo GOOD =
            new QualificationConfirmSearchInfo("06279913", "ABC", "1234", "01", "19800101", "1", "P1");

    static QualificationConfirmSearchInfo with(String insurer, String symbol, String number, String branch,
            String birth, String flag, String arbitrary) {
        return new QualificationConfirmSearchInfo(insurer, symbol, number, branch, birth, flag, arbitrary);
    }

    static Optional<ErrorCode> code(QualificationConfirmSearchInfo s) {
        return InquiryValidator.validateSearchInfo(s, TODAY).map(Violation::code);
    }

    @Test
    void goodHeaderHasNoViolations() {
        assertThat(InquiryValidator.validateHeader(new RequestHeader("20250401", FACILITY, "x"), FACILITY)).isEmpty();
        assertThat(InquiryValidator.validateHeader(new RequestHeader(" 20250401 ", " " + FACILITY + "\n", null), null)).isEmpty();
    }

    @Test
    void headerViolationsAreAllReported() {
        var v = InquiryValidator.validateHeader(new RequestHeader("20230229", "0113810015", "F".repeat(101)), FACILITY);
        assertThat(v).extracting(Violation::code).containsExactly(
                ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT, ErrorCode.INVALID_CONFIRMATION_DATE,
                ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG);
        assertThat(v.get(0).field()).isEqualTo("MedicalInstitutionCode");
        assertThat(v.get(0).message()).contains("医療機関コード").contains("0113810015");
    }

    @Test
    void institutionCodeRules() {
        assertThat(first(new RequestHeader("20250401", null, null))).contains(ErrorCode.MISSING_INSTITUTION_CODE);
        assertThat(first(new RequestHeader("20250401", "", null))).contains(ErrorCode.MISSING_INSTITUTION_CODE);
        assertThat(first(new RequestHeader("20250401", "011381001", null))).contains(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT);
        assertThat(first(new RequestHeader("20250401", "O113810014", null))).contains(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT);
        assertThat(first(new RequestHeader("20250401", "1313810010", null))).contains(ErrorCode.INSTITUTION_MISMATCH);
        assertThat(InquiryValidator.validateHeader(new RequestHeader("20250401", "1313810010", null), null)).isEmpty();
        assertThat(InquiryValidator.validateHeader(null, FACILITY)).extracting(Violation::code)
                .containsExactly(ErrorCode.MISSING_MESSAGE_HEADER);
    }

    @Test
    void confirmationDateRules() {
        assertThat(first(new RequestHeader(null, FACILITY, null))).contains(ErrorCode.MISSING_CONFIRMATION_DATE);
        assertThat(first(new RequestHeader("2025401", FACILITY, null))).contains(ErrorCode.INVALID_CONFIRMATION_DATE);
        assertThat(first(new RequestHeader("20251301", FACILITY, null))).contains(ErrorCode.INVALID_CONFIRMATION_DATE);
        assertThat(first(new RequestHeader("20240229", FACILITY, null))).isEmpty();
    }

    private static Optional<ErrorCode> first(RequestHeader h) {
        return InquiryValidator.firstHeaderViolation(h, FACILITY).map(Violation::code);
    }

    @Test
    void goodSearchInfoPasses() {
        assertThat(code(GOOD)).isEmpty();
        assertThat(code(with("  279919", null, "1", null, "19450101", "0", null))).isEmpty();
        assertThat(code(with("279919", "", "1", "", "19450101", "0", ""))).isEmpty();
        assertThat(code(with("00279919", null, "1", "00", "20250401", "1", null))).as("born today").isEmpty();
    }

    @Test
    void insurerNumberRules() {
        assertThat(code(with(null, "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.MISSING_INSURER_NUMBER);
        assertThat(code(with("        ", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.MISSING_INSURER_NUMBER);
        assertThat(code(with("0627991", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.INVALID_INSURER_NUMBER_FORMAT);
        assertThat(code(with("O6279913", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.INVALID_INSURER_NUMBER_FORMAT);
        assertThat(code(with("０６２７９９１３", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.INVALID_INSURER_NUMBER_FORMAT);
        assertThat(code(with("06279914", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT);
        assertThat(code(with("  279910", "A", "1", "01", "19800101", "1", null))).contains(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT);
        assertThat(code(with("06130488", "A", "1", "01", "19800101", "1", null))).isEmpty();
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        assertThat(code(with("06279913", "記".repeat(20), "番".repeat(20), "01", "19800101", "1", "あ".repeat(100)))).isEmpty();
        assertThat(code(with("06279913", "記".repeat(21), "1", "01", "19800101", "1", null))).contains(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG);
        assertThat(code(with("06279913", "A", "1".repeat(21), "01", "19800101", "1", null))).contains(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG);
        assertThat(code(with("06279913", "A", "1", "01", "19800101", "1", "𠮷".repeat(101)))).contains(ErrorCode.ARBITRARY_IDENTIFIER_TOO_LONG);
        assertThat(code(with("06279913", "A", "1", "01", "19800101", "1", "𠮷".repeat(100)))).isEmpty();
    }

    @Test
    void numberAndBranchRules() {
        assertThat(code(with("06279913", "A", null, "01", "19800101", "1", null))).contains(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER);
        assertThat(code(with("06279913", "A", "  ", "01", "19800101", "1", null))).contains(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER);
        assertThat(code(with("06279913", "A", "1", "1", "19800101", "1", null))).contains(ErrorCode.INVALID_BRANCH_NUMBER);
        assertThat(code(with("06279913", "A", "1", "001", "19800101", "1", null))).contains(ErrorCode.INVALID_BRANCH_NUMBER);
        assertThat(code(with("06279913", "A", "1", "０１", "19800101", "1", null))).contains(ErrorCode.INVALID_BRANCH_NUMBER);
    }

    @Test
    void birthdateRules() {
        assertThat(code(with("06279913", "A", "1", "01", null, "1", null))).contains(ErrorCode.MISSING_BIRTHDATE);
        assertThat(code(with("06279913", "A", "1", "01", "19990230", "1", null))).contains(ErrorCode.INVALID_BIRTHDATE);
        assertThat(code(with("06279913", "A", "1", "01", "1980-01-01", "1", null))).contains(ErrorCode.INVALID_BIRTHDATE);
        assertThat(code(with("06279913", "A", "1", "01", "18991231", "1", null))).contains(ErrorCode.INVALID_BIRTHDATE);
        assertThat(code(with("06279913", "A", "1", "01", "19000101", "1", null))).isEmpty();
        assertThat(code(with("06279913", "A", "1", "01", "20250402", "1", null))).contains(ErrorCode.FUTURE_BIRTHDATE);
    }

    @Test
    void consentFlagRules() {
        assertThat(code(with("06279913", "A", "1", "01", "19800101", null, null))).contains(ErrorCode.MISSING_LIMIT_CONSENT_FLAG);
        assertThat(code(with("06279913", "A", "1", "01", "19800101", "5", null))).contains(ErrorCode.INVALID_LIMIT_CONSENT_FLAG);
        assertThat(code(with("06279913", "A", "1", "01", "19800101", "01", null))).contains(ErrorCode.INVALID_LIMIT_CONSENT_FLAG);
    }

    @Test
    void firstViolationInElementOrderWinsAndNamesTheField() {
        Violation v = InquiryValidator.validateSearchInfo(with("123", "A", null, "1", "x", "9", null), TODAY).orElseThrow();
        assertThat(v.code()).isEqualTo(ErrorCode.INVALID_INSURER_NUMBER_FORMAT);
        assertThat(v.field()).isEqualTo("InsurerNumber");
        assertThat(v.message()).startsWith("保険者番号（InsurerNumber）").contains("123");
        assertThat(InquiryValidator.validateSearchInfo(null, TODAY)).map(Violation::code).contains(ErrorCode.MISSING_SEARCH_INFO);
    }

    @Test
    void detailsNeverCarryControlCharactersOrUnboundedValues() {
        Violation v = InquiryValidator.validateSearchInfo(with("06279913", "A", "1", "\u0007" + "9".repeat(100), "19800101", "1", null), TODAY)
                .orElseThrow();
        assertThat(v.detail()).doesNotContain("\u0007").hasSizeLessThan(50);
    }
}
