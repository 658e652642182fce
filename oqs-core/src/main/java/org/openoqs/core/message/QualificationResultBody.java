package org.openoqs.core.message;

import java.util.List;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;

/**
 * Body of a qualification result (number inquiry or card). {@code searchInfoEcho} is present only for number
 * inquiries; {@code results} holds several records when the validity is 複数該当.
 */
public record QualificationResultBody(
        QualificationConfirmSearchInfo searchInfoEcho,
        ProcessingResultStatus processingResultStatus,
        String processingResultCode,
        String processingResultMessage,
        QualificationValidity qualificationValidity,
        PrescriptionIssueSelect prescriptionIssueSelect,
        List<ResultOfQualificationConfirmation> results) {

    public QualificationResultBody {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
