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
        List<ResultOfQualificationConfirmation> results,
        List<org.openoqs.core.message.MedicalSubsidyCertificate> medicalSubsidies) {

    public QualificationResultBody {
        results = results == null ? List.of() : List.copyOf(results);
        medicalSubsidies = medicalSubsidies == null ? List.of() : List.copyOf(medicalSubsidies);
    }

    /** A body without 医療費助成 (PMH) certificates, as every result that is not a consented card confirmation. */
    public QualificationResultBody(QualificationConfirmSearchInfo searchInfoEcho,
            ProcessingResultStatus processingResultStatus, String processingResultCode, String processingResultMessage,
            QualificationValidity qualificationValidity, PrescriptionIssueSelect prescriptionIssueSelect,
            List<ResultOfQualificationConfirmation> results) {
        this(searchInfoEcho, processingResultStatus, processingResultCode, processingResultMessage,
                qualificationValidity, prescriptionIssueSelect, results, List.of());
    }

    /** This body with the patient's 医療費助成 受給者証 ({@code MedicalSubsidyInfoList}, docs/pmh.md). */
    public QualificationResultBody withMedicalSubsidies(List<org.openoqs.core.message.MedicalSubsidyCertificate> subsidies) {
        return new QualificationResultBody(searchInfoEcho, processingResultStatus, processingResultCode,
                processingResultMessage, qualificationValidity, prescriptionIssueSelect, results, subsidies);
    }
}
