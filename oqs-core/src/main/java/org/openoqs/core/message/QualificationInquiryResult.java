package org.openoqs.core.message;

import org.openoqs.core.code.SegmentOfResult;

/**
 * A qualification result file ({@code OQSsiquc01res_}, and the face folder's {@code OQSsiquc01res_face_}).
 * {@code body} is {@code null} when the file as a whole failed ({@code SegmentOfResult} 9).
 */
public record QualificationInquiryResult(ResultHeader header, QualificationResultBody body) {

    public boolean isFileLevelError() {
        return header.segmentOfResult() == SegmentOfResult.FAILED;
    }
}
