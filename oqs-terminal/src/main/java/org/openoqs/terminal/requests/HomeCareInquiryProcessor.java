package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.homecare.HomeCareInquiryIntake;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.central.CardPathRefusedException;
import org.openoqs.terminal.central.CardPathService;

/**
 * 居宅同意取得型 re-inquiry: {@code OQSsihvq01req_} (訪問診療等) and {@code OQSsionq01req_} (オンライン診療等), answered
 * {@code …res_<id>.xml} (docs/home-care.md). As for the 個別照会, everything that can be judged locally is judged
 * before the service is asked ({@link HomeCareInquiryIntake}); only a well-formed request goes to the service, which
 * knows the consents.
 */
public final class HomeCareInquiryProcessor implements RequestProcessor {

    private final MedicalTreatmentFlag treatment;
    private final String ownInstitutionCode;
    private final CardPathService service;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter results;
    private final Clock clock;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    public HomeCareInquiryProcessor(RequestType type, String ownInstitutionCode, CardPathService service,
            XmlDocumentReader reader, ErrorResultWriter results, Clock clock) {
        this.treatment = HomeCareInquiryIntake.treatmentOf(type);
        this.ownInstitutionCode = ownInstitutionCode;
        this.service = service;
        this.reader = reader;
        this.results = results;
        this.clock = clock;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        String resultName = RequestFileName.parse(request.name()).orElseThrow().resultName("xml");
        if (request.oversized()) {
            return results.fileLevel(resultName, null, ErrorCode.FILE_TOO_LARGE, null);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        InquiryIntake.Outcome outcome = HomeCareInquiryIntake.check(request.content(), ownInstitutionCode,
                LocalDate.now(clock), treatment, reader);
        if (!(outcome instanceof InquiryIntake.Accepted)) {
            return results.encode(resultName,
                    outcome.errorResult(ownInstitutionCode, now, results.characterCode()).orElseThrow());
        }
        try {
            XmlNode result = service.homeCareInquiry(treatment, reader.read(request.content()));
            return new ProcessedResult(resultName, writer.write(result,
                    ReferenceNumberRegistrationProcessor.characterCodeOf(result)).bytes());
        } catch (CardPathRefusedException refused) {
            ErrorCode code = refused.errorCode().isFileLevel() ? refused.errorCode() : ErrorCode.CENTRAL_SERVICE_REJECTED;
            return results.fileLevel(resultName, request, code, null);
        }
    }
}
