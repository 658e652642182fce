package org.openoqs.core.bulk;

import java.util.List;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.ResultOfQualificationConfirmation;

/**
 * One {@code BulkConfirmUnit} of a {@code …02res_} file: one person of an 一括照会 (with the echo of its search
 * block), or one person selected by a care-setting bulk (no echo). On a per-entry error,
 * {@code processingResultStatus} is 2 with the code and message, no validity and no records.
 *
 * @param searchInfoEcho the request's block as written ({@code OQSmuquc} only)
 * @param results the records; a 医療扶助 record carries its 医療券・調剤券 ({@code PublicExpenseResultList}) itself
 * @param referenceNumbers the facility's 照会番号 of the person (usually zero or one)
 */
public record BulkConfirmUnit(
        QualificationConfirmSearchInfo searchInfoEcho,
        ProcessingResultStatus processingResultStatus,
        String processingResultCode,
        String processingResultMessage,
        QualificationValidity qualificationValidity,
        List<ResultOfQualificationConfirmation> results,
        List<String> referenceNumbers) {

    /** The element of a {@code …02res_} body this record is. */
    public static final String ELEMENT = "BulkConfirmUnit";

    public BulkConfirmUnit {
        results = results == null ? List.of() : List.copyOf(results);
        referenceNumbers = referenceNumbers == null ? List.of() : List.copyOf(referenceNumbers);
    }

    public boolean isError() {
        return processingResultStatus == ProcessingResultStatus.ERROR;
    }
}
