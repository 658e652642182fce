package org.openoqs.server.clins;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.openoqs.core.error.ErrorCode;

/**
 * A refusal as a FHIR OperationOutcome: one issue per problem, the project code in {@code details.coding} (system
 * {@value #CODE_SYSTEM}), the Japanese message in {@code details.text}, the English explanation in
 * {@code diagnostics} and the FHIRPath in {@code expression}.
 */
public final class OperationOutcomes {

    static final String CODE_SYSTEM = "urn:openoqs:error-code";

    private OperationOutcomes() {
    }

    public static OperationOutcome of(List<ClinsProblem> problems) {
        OperationOutcome outcome = new OperationOutcome();
        for (ClinsProblem p : problems) {
            OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(issueType(p.code()))
                    .setDetails(new CodeableConcept().setText(p.message()))
                    .setDiagnostics(p.code().description());
            issue.getDetails().addCoding().setSystem(CODE_SYSTEM).setCode(p.code().code()).setDisplay(p.code().name());
            if (p.location() != null) {
                issue.addExpression(p.location());
            }
        }
        return outcome;
    }

    private static OperationOutcome.IssueType issueType(ErrorCode code) {
        return switch (code) {
            case CLINS_MALFORMED_JSON, CLINS_NOT_A_BUNDLE -> OperationOutcome.IssueType.STRUCTURE;
            case CLINS_BUNDLE_TOO_LARGE -> OperationOutcome.IssueType.TOOLONG;
            case CLINS_WRONG_MEDIA_TYPE -> OperationOutcome.IssueType.NOTSUPPORTED;
            case CLINS_REQUIRED_ELEMENT, CLINS_MEMBER_ID_MISSING, CLINS_INSTITUTION_NUMBER_MISSING,
                    CLINS_ENCOUNTER_MISSING, CLINS_DEPARTMENT_MISSING, CLINS_BUNDLE_IDENTIFIER_MISSING -> OperationOutcome.IssueType.REQUIRED;
            case CLINS_PATIENT_NOT_FOUND, CLINS_NOTHING_TO_DELETE, CLINS_BUNDLE_NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
            case CLINS_PATIENT_AMBIGUOUS, CLINS_PATIENT_CHANGED -> OperationOutcome.IssueType.CONFLICT;
            case CLINS_BUNDLE_IDENTIFIER_FOREIGN -> OperationOutcome.IssueType.FORBIDDEN;
            case DOCUMENT_NOT_FOUND, DOCUMENT_NOT_IN_INBOX, REFERRAL_DESTINATION_UNKNOWN -> OperationOutcome.IssueType.NOTFOUND;
            case DOCUMENT_ALREADY_REGISTERED -> OperationOutcome.IssueType.DUPLICATE;
            case DOCUMENT_CANCELLED, DOCUMENT_NOT_CANCELLED, DOCUMENT_RECEIVED, DOCUMENT_CHANGE_DESTINATION,
                    REFERRAL_DESTINATION_NOT_USING, DISCHARGE_SUMMARY_ALONE, REFERRAL_PDF_ONLY ->
                    OperationOutcome.IssueType.BUSINESSRULE;
            case DOCUMENT_CONSENT_PENDING -> OperationOutcome.IssueType.SUPPRESSED;
            case DOCUMENT_SECTION_MISSING, DOCUMENT_REQUIRED_ELEMENT, DOCUMENT_PATIENT_MISSING,
                    REFERRAL_DESTINATION_MISSING -> OperationOutcome.IssueType.REQUIRED;
            case CLINS_ENTRY_TYPE_MISMATCH, CLINS_PATIENT_FIRST, CLINS_BUNDLE_TYPE -> OperationOutcome.IssueType.STRUCTURE;
            default -> OperationOutcome.IssueType.VALUE;
        };
    }
}
