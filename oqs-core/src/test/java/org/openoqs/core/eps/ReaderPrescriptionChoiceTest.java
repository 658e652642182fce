package org.openoqs.core.eps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationResultBody;

/** PrescriptionIssueSelect appears in the face result only when the facility opted in (OQSCD038 and OQSCD039). */
class ReaderPrescriptionChoiceTest {

    static final QualificationResultBody BODY = new QualificationResultBody(null, ProcessingResultStatus.COMPLETED, null,
            null, QualificationValidity.VALID, null, List.of());

    @Test
    void optedInFacilitiesGetThePatientsChoice() {
        for (String use : List.of("1", "2")) {
            ReaderPrescriptionChoice choice = new ReaderPrescriptionChoice(use, PrescriptionSelectionTiming.AT_CONFIRMATION);
            assertThat(choice.readerAsks()).isTrue();
            assertThat(choice.apply(BODY, PrescriptionIssueSelect.PAPER).prescriptionIssueSelect())
                    .isEqualTo(PrescriptionIssueSelect.PAPER);
            assertThat(choice.apply(BODY, null).prescriptionIssueSelect()).isNull();
        }
    }

    @Test
    void everyOtherSettingKeepsTheElementOut() {
        QualificationResultBody chosen = new ReaderPrescriptionChoice("2", PrescriptionSelectionTiming.AT_CONFIRMATION)
                .apply(BODY, PrescriptionIssueSelect.ELECTRONIC);
        for (ReaderPrescriptionChoice c : List.of(
                new ReaderPrescriptionChoice("0", PrescriptionSelectionTiming.AT_CONFIRMATION),
                new ReaderPrescriptionChoice("3", PrescriptionSelectionTiming.AT_CONFIRMATION),
                new ReaderPrescriptionChoice("2", PrescriptionSelectionTiming.OUTSIDE_CONFIRMATION))) {
            assertThat(c.readerAsks()).isFalse();
            assertThat(c.apply(BODY, PrescriptionIssueSelect.ELECTRONIC).prescriptionIssueSelect()).isNull();
            assertThat(c.apply(chosen, null).prescriptionIssueSelect()).as("a choice already there is removed").isNull();
        }
    }
}
