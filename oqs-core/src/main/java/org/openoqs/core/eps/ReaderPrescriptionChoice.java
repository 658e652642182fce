package org.openoqs.core.eps;

import java.util.Objects;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.message.QualificationResultBody;

/**
 * Whether the face-auth reader asks the patient to choose an electronic or a paper prescription, and what the face
 * result then carries in {@code PrescriptionIssueSelect} (OQSCD017).
 *
 * <p>The reader asks only when the facility opted in: its 電子処方箋 setting (OQSCD038) is 1 電子処方箋のみ or 2 併用
 * — a facility that does not issue electronic prescriptions has nothing to choose — and its selection timing
 * (OQSCD039) is 2 資格確認時に確認. Otherwise the face result never carries the element, whatever the reader sent.
 *
 * @param ePrescriptionUse OQSCD038 code of the facility: 0 利用しない, 1 電子のみ, 2 併用, 3 紙のみ
 * @param timing           OQSCD039
 */
public record ReaderPrescriptionChoice(String ePrescriptionUse, PrescriptionSelectionTiming timing) {

    public ReaderPrescriptionChoice {
        Objects.requireNonNull(ePrescriptionUse, "ePrescriptionUse");
        Objects.requireNonNull(timing, "timing");
    }

    /** True when the reader shows the choice. */
    public boolean readerAsks() {
        return ("1".equals(ePrescriptionUse) || "2".equals(ePrescriptionUse))
                && timing == PrescriptionSelectionTiming.AT_CONFIRMATION;
    }

    /**
     * The face result body with the patient's choice applied: set when the reader asks and the patient chose,
     * removed otherwise (a reader must not pass a choice the facility did not ask for).
     *
     * @param chosen the patient's answer on the reader, or {@code null} when none was given
     */
    public QualificationResultBody apply(QualificationResultBody body, PrescriptionIssueSelect chosen) {
        PrescriptionIssueSelect value = readerAsks() ? chosen : null;
        if (body == null || body.prescriptionIssueSelect() == value) {
            return body;
        }
        return new QualificationResultBody(body.searchInfoEcho(), body.processingResultStatus(),
                body.processingResultCode(), body.processingResultMessage(), body.qualificationValidity(), value,
                body.results());
    }
}
