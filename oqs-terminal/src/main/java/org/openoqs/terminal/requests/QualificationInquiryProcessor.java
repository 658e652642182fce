package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.validation.Violation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * 資格確認 個別照会 ({@code OQSsiquc01req_}). Everything that can be judged locally is judged before the
 * service is asked, so a malformed file never costs a network round trip: bytes and XML (file-level error),
 * header (file-level error), search block (per-person error). Only a well-formed request goes to the service.
 */
public final class QualificationInquiryProcessor implements RequestProcessor {

    private final String ownInstitutionCode;
    private final CentralService central;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter results;
    private final Clock clock;

    public QualificationInquiryProcessor(String ownInstitutionCode, CentralService central, XmlDocumentReader reader,
            ErrorResultWriter results, Clock clock) {
        this.ownInstitutionCode = ownInstitutionCode;
        this.central = central;
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
        QualificationInquiryRequest inquiry;
        try {
            XmlNode root = reader.read(request.content());
            inquiry = QualificationMessages.readRequest(root);
        } catch (InputRejectedException rejected) {
            return results.fileLevel(resultName, request, rejected.errorCode(), rejected.detail());
        }
        List<Violation> headerViolations = InquiryValidator.validateHeader(inquiry.header(), ownInstitutionCode);
        if (!headerViolations.isEmpty()) {
            Violation first = headerViolations.get(0);
            return results.fileLevel(resultName, request, first.code(), first.detail());
        }
        Optional<Violation> personViolation = InquiryValidator.validateSearchInfo(inquiry.searchInfo(), LocalDate.now(clock));
        if (personViolation.isPresent()) {
            QualificationInquiryResult personError = ErrorResults.personLevelError(inquiry.header(),
                    inquiry.searchInfo(), personViolation.get(), LocalDateTime.now(clock),
                    central.resultCharacterCode());
            return results.encode(resultName, personError);
        }
        try {
            return results.encode(resultName, central.inquire(inquiry));
        } catch (CentralServiceRefusedException refused) {
            String detail = refused.serviceMessage().equals(refused.errorCode().message()) ? null : refused.serviceMessage();
            return results.fileLevel(resultName, request, refused.errorCode(), detail);
        }
    }
}
