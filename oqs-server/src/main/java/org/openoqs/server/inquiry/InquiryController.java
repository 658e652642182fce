package org.openoqs.server.inquiry;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.metrics.ApiMetricsFilter;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/qualifications/inquiry}: 資格確認 個別照会. The body is the JSON mirror of an
 * {@code OQSsiquc01req_} message ({@code {"XmlMsg":{…}}}); the answer is the JSON mirror of the
 * {@code OQSsiquc01res_} result — also for file- and person-level errors, which are results, not HTTP errors.
 * HTTP errors are reserved for what is not a request at all (unreadable JSON: 400) and for requests the
 * caller may not make (another facility's code: 403).
 */
@RestController
@RequestMapping("/api/v1")
public class InquiryController {

    /** Far above any single inquiry (a few hundred bytes); guards memory. */
    static final int MAX_BODY_BYTES = 1024 * 1024;


    private final InquiryService inquiries;

    public InquiryController(InquiryService inquiries) {
        this.inquiries = inquiries;
    }

    @PostMapping("/qualifications/inquiry")
    public ResponseEntity<byte[]> inquiry(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        XmlNode root;
        try {
            root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        } catch (InputRejectedException e) {
            inquiries.auditRejectedBody(caller, e.errorCode());
            HttpStatus status = e.errorCode() == ErrorCode.FILE_TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
            throw new ApiException(status, e.errorCode(), e.detail());
        }
        QualificationInquiryResult result;
        try {
            result = inquiries.inquire(caller, facility, root);
        } catch (InstitutionMismatchException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
        request.setAttribute(ApiMetricsFilter.OUTCOME_ATTRIBUTE, outcomeOf(result));
        return JsonMirrorAnswer.of(QualificationMessages.resultToXml(result));
    }

    /** The metrics label: the file failed, this person's entry failed, or an answer (whatever the validity). */
    static String outcomeOf(QualificationInquiryResult result) {
        if (result.isFileLevelError()) {
            return "file_error";
        }
        return result.body() != null && result.body().processingResultStatus() == ProcessingResultStatus.ERROR
                ? "person_error" : "ok";
    }
}
