package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.error.Violation;

class ErrorResultsTest {

    static final LocalDateTime NOW = LocalDateTime.of(2025, 4, 1, 9, 30, 15, 123_000_000);

    @Test
    void fileLevelErrorEchoesUsableHeaderValues() {
        QualificationInquiryResult r = ErrorResults.fileLevelError(new RequestHeader("20250401", "1313810010", "RQ-1"),
                "0113810014", ErrorCode.INSTITUTION_MISMATCH, NOW, CharacterCode.SHIFT_JIS);
        assertThat(r.isFileLevelError()).isTrue();
        assertThat(r.body()).isNull();
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.header().errorCode()).isEqualTo("OQSF1204");
        assertThat(r.header().errorMessage()).isEqualTo(ErrorCode.INSTITUTION_MISMATCH.message());
        assertThat(r.header().medicalInstitutionCode()).isEqualTo("1313810010");
        assertThat(r.header().qualificationConfirmationDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(r.header().arbitraryFileIdentifier()).isEqualTo("RQ-1");
        assertThat(r.header().processExecutionTime()).isEqualTo(LocalDateTime.of(2025, 4, 1, 9, 30, 15));
        assertThat(r.header().referenceClassification()).isEqualTo(ReferenceClassification.INSURANCE_CARD_NUMBERS);
        assertThat(r.header().characterCodeIdentifier()).isEqualTo(CharacterCode.SHIFT_JIS);
    }

    @Test
    void fileLevelErrorFallsBackForUnusableValues() {
        QualificationInquiryResult r = ErrorResults.fileLevelError(new RequestHeader("20230229", "abc", "x".repeat(300)),
                "0113810014", new Violation(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, "MedicalInstitutionCode", "指定値: abc"),
                NOW, CharacterCode.UTF_8);
        assertThat(r.header().medicalInstitutionCode()).isEqualTo("0113810014");
        assertThat(r.header().qualificationConfirmationDate()).isNull();
        assertThat(r.header().arbitraryFileIdentifier()).hasSize(100);
        assertThat(r.header().errorMessage()).endsWith("（指定値: abc）");
        QualificationInquiryResult none = ErrorResults.fileLevelError(null, "0113810014", ErrorCode.EMPTY_FILE, NOW, CharacterCode.UTF_8);
        assertThat(none.header().medicalInstitutionCode()).isEqualTo("0113810014");
        assertThat(none.header().arbitraryFileIdentifier()).isNull();
    }

    @Test
    void personLevelErrorEchoesTheSearchBlock() {
        Violation v = new Violation(ErrorCode.INVALID_BIRTHDATE, "Birthdate", "指定値: 19990230");
        RequestHeader h = new RequestHeader("20250401", "0113810014", "RQ-2");
        QualificationInquiryResult r = ErrorResults.personLevelError(h, Fixtures.SEARCH, v, NOW, CharacterCode.UTF_8);
        assertThat(r.isFileLevelError()).isFalse();
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(r.header().errorCode()).isNull();
        assertThat(r.body().searchInfoEcho()).isEqualTo(Fixtures.SEARCH);
        assertThat(r.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
        assertThat(r.body().processingResultCode()).isEqualTo("OQSP2142");
        assertThat(r.body().processingResultMessage()).isEqualTo(v.message()).contains("生年月日").contains("19990230");
        assertThat(r.body().qualificationValidity()).isNull();
        assertThat(r.body().results()).isEmpty();
        for (CharacterCode cc : CharacterCode.values()) {
            byte[] bytes = QualificationMessages.writeResult(r, cc).bytes();
            assertThat(QualificationMessages.parseResult(bytes).body()).isEqualTo(r.body());
        }
    }

    @Test
    void levelsAreEnforced() {
        assertThatThrownBy(() -> ErrorResults.fileLevelError(null, "0113810014", ErrorCode.FUTURE_BIRTHDATE, NOW, CharacterCode.UTF_8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorResults.personLevelError(null, null, Violation.of(ErrorCode.EMPTY_FILE, null), NOW, CharacterCode.UTF_8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
