package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.error.Violation;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;

/** Every file of the invalid corpus gets exactly the error its index.csv names, at the right level. */
class InvalidCorpusTest {

    static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
    static final LocalDateTime NOW = LocalDateTime.of(2025, 4, 1, 9, 30, 15);

    static Stream<Example> fileLevel() {
        return ExampleCorpus.invalid().stream().filter(Example::expectsFileLevelError);
    }

    static Stream<Example> personLevel() {
        return ExampleCorpus.invalid().stream().filter(Example::expectsPersonLevelError);
    }

    static Stream<Example> invalid() {
        return ExampleCorpus.invalid().stream();
    }

    @Test
    void corpusIsIndexedAndEveryExpectedCodeExists() {
        assertThat(ExampleCorpus.invalid()).hasSizeGreaterThanOrEqualTo(50);
        for (Example e : ExampleCorpus.invalid()) {
            assertThat(ErrorCode.fromCode(e.expected())).as(e.toString()).isPresent();
            assertThat(e.bytes()).as(e.toString()).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileLevel")
    void fileLevelFilesAreRejectedByReaderOrStructureOrHeader(Example e) {
        ErrorCode expected = ErrorCode.fromCode(e.expected()).orElseThrow();
        assertThat(expected.isFileLevel()).isTrue();
        InquiryIntake.Outcome outcome = InquiryIntake.check(e.bytes(), ExampleCorpus.DEMO_INSTITUTION_CODE, TODAY);
        assertThat(outcome).as(e.description()).isInstanceOf(InquiryIntake.FileRejected.class);
        assertThat(((InquiryIntake.FileRejected) outcome).violation().code()).as(e.description()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileLevel")
    void byteLevelFilesFailInTheReaderItself(Example e) {
        ErrorCode expected = ErrorCode.fromCode(e.expected()).orElseThrow();
        if (!e.expected().startsWith("OQSF10")) {
            return; // structure and header codes come after a successful read
        }
        assertThatThrownBy(() -> new XmlDocumentReader().read(e.bytes()))
                .isInstanceOf(InputRejectedException.class)
                .extracting(t -> ((InputRejectedException) t).errorCode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personLevel")
    void personLevelFilesParseAndFailInTheValidator(Example e) {
        ErrorCode expected = ErrorCode.fromCode(e.expected()).orElseThrow();
        var request = QualificationMessages.parseRequest(e.bytes());
        assertThat(InquiryValidator.validateHeader(request.header(), ExampleCorpus.DEMO_INSTITUTION_CODE)).isEmpty();
        assertThat(InquiryValidator.validateSearchInfo(request.searchInfo(), TODAY))
                .as(e.description()).map(Violation::code).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyRejectionBecomesAReadableResultFileInBothEncodings(Example e) {
        InquiryIntake.Outcome outcome = InquiryIntake.check(e.bytes(), ExampleCorpus.DEMO_INSTITUTION_CODE, TODAY);
        for (CharacterCode cc : CharacterCode.values()) {
            QualificationInquiryResult result = outcome.errorResult(ExampleCorpus.DEMO_INSTITUTION_CODE, NOW, cc).orElseThrow();
            byte[] bytes = QualificationMessages.writeResult(result).bytes();
            QualificationInquiryResult back = QualificationMessages.parseResult(bytes);
            assertThat(back.header().characterCodeIdentifier()).isEqualTo(cc);
            assertThat(back.header().medicalInstitutionCode()).isNotBlank();
            if (e.expectsFileLevelError()) {
                assertThat(back.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
                assertThat(back.header().errorCode()).isEqualTo(e.expected());
                assertThat(back.header().errorMessage()).startsWith(ErrorCode.fromCode(e.expected()).orElseThrow().message());
                assertThat(back.body()).isNull();
            } else {
                assertThat(back.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
                assertThat(back.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
                assertThat(back.body().processingResultCode()).isEqualTo(e.expected());
                assertThat(back.body().qualificationValidity()).isNull();
                assertThat(back.body().results()).isEmpty();
            }
        }
    }
}
