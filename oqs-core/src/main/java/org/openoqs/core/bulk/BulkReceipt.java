package org.openoqs.core.bulk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;

/**
 * The {@code …01res_} file of a bulk flow (受付結果): the 受付番号 to download the result with, or a file-level
 * error. {@code errorCode}/{@code errorMessage} are set, and the reception fields are {@code null}, exactly when
 * {@code segmentOfResult} is {@link SegmentOfResult#FAILED}.
 *
 * @param qualificationConfirmationDate echoed for 一括照会 ({@code OQSmuquc}) only; {@code null} otherwise
 * @param receptionNumber 受付番号, digits only
 * @param receptionDateTime when the job was stored (受付日時)
 */
public record BulkReceipt(
        LocalDateTime processExecutionTime,
        LocalDate qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        SegmentOfResult segmentOfResult,
        String errorCode,
        String errorMessage,
        CharacterCode characterCodeIdentifier,
        String receptionNumber,
        LocalDateTime receptionDateTime) {

    public boolean accepted() {
        return segmentOfResult == SegmentOfResult.COMPLETED;
    }

    public BulkReceipt withCharacterCode(CharacterCode code) {
        return new BulkReceipt(processExecutionTime, qualificationConfirmationDate, medicalInstitutionCode,
                arbitraryFileIdentifier, segmentOfResult, errorCode, errorMessage, code, receptionNumber,
                receptionDateTime);
    }
}
