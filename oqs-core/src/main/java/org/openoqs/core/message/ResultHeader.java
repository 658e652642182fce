package org.openoqs.core.message;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;

/**
 * Header of a result file. {@code errorCode} and {@code errorMessage} are set only when
 * {@code segmentOfResult} is not {@link SegmentOfResult#COMPLETED}.
 */
public record ResultHeader(
        LocalDateTime processExecutionTime,
        LocalDate qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        ReferenceClassification referenceClassification,
        SegmentOfResult segmentOfResult,
        String errorCode,
        String errorMessage,
        CharacterCode characterCodeIdentifier) {

    /** The same header with another output encoding (the facility's setting decides it at the very end). */
    public ResultHeader withCharacterCode(CharacterCode code) {
        return new ResultHeader(processExecutionTime, qualificationConfirmationDate, medicalInstitutionCode,
                arbitraryFileIdentifier, referenceClassification, segmentOfResult, errorCode, errorMessage, code);
    }
}
