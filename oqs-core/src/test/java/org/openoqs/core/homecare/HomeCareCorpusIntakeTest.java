package org.openoqs.core.homecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;

/**
 * Every 居宅同意取得型 example (UTF-8 and Shift_JIS) gets the screening its index states: the error code at the right
 * level, or acceptance for the files only the service can answer (validity once consented, or OQSP4201).
 */
class HomeCareCorpusIntakeTest {

    static List<Example> examples() {
        assertThat(ExampleCorpus.homeCare()).hasSizeGreaterThanOrEqualTo(10);
        return ExampleCorpus.homeCare();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachExampleIsScreenedAsItsIndexSays(Example example) {
        RequestType type = RequestType.ofPrefix(example.kind().replace("req", "")).orElseThrow();
        InquiryIntake.Outcome outcome = HomeCareInquiryIntake.check(example.bytes(),
                ExampleCorpus.DEMO_INSTITUTION_CODE, LocalDate.of(2026, 12, 5), HomeCareInquiryIntake.treatmentOf(type),
                null);

        if (!example.expectsError() || example.expected().equals(ExampleCorpus.SERVICE_DECIDED_CODE)) {
            assertThat(outcome).isInstanceOf(InquiryIntake.Accepted.class);
        } else if (example.expectsFileLevelError()) {
            assertThat(outcome).isInstanceOfSatisfying(InquiryIntake.FileRejected.class,
                    r -> assertThat(r.violation().code().code()).isEqualTo(example.expected()));
        } else {
            assertThat(outcome).isInstanceOfSatisfying(InquiryIntake.PersonRejected.class,
                    r -> assertThat(r.violation().code().code()).isEqualTo(example.expected()));
        }
    }
}
