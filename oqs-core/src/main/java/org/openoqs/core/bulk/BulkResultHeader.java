package org.openoqs.core.bulk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;

/**
 * Header of a {@code …02res_} file (INTERFACE.md §3.2): {@code SegmentOfResult} 1 with every unit, 2 while the job
 * is still being processed (no units; ask again with another {@code 02req_}), 9 for a request that failed as a
 * whole ({@code errorCode}/{@code errorMessage}).
 *
 * @param numberOfProcessingResult units answered so far (the final count when {@code segmentOfResult} is 1)
 * @param numberOfNormalProcessing of those, units with {@code ProcessingResultStatus} 1
 * @param numberOfError of those, units with {@code ProcessingResultStatus} 2
 */
public record BulkResultHeader(
        LocalDateTime processExecutionTime,
        LocalDate qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        ReferenceClassification referenceClassification,
        SegmentOfResult segmentOfResult,
        String errorCode,
        String errorMessage,
        CharacterCode characterCodeIdentifier,
        String receptionNumber,
        Integer numberOfProcessingResult,
        Integer numberOfNormalProcessing,
        Integer numberOfError) {

    public BulkResultHeader withCharacterCode(CharacterCode code) {
        return new BulkResultHeader(processExecutionTime, qualificationConfirmationDate, medicalInstitutionCode,
                arbitraryFileIdentifier, referenceClassification, segmentOfResult, errorCode, errorMessage, code,
                receptionNumber, numberOfProcessingResult, numberOfNormalProcessing, numberOfError);
    }
}
