package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.terminal.central.CentralService;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * 資格確認 個別照会 ({@code OQSsiquc01req_}). Everything that can be judged locally is judged before the
 * service is asked, with the same screening the service applies ({@link InquiryIntake}), so a malformed file
 * never costs a network round trip: bytes, XML and header give a file-level error, the search block a
 * per-person error. Only a well-formed request goes to the service.
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
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        InquiryIntake.Outcome outcome = InquiryIntake.check(request.content(), ownInstitutionCode,
                LocalDate.now(clock), reader);
        if (!(outcome instanceof InquiryIntake.Accepted accepted)) {
            return results.encode(resultName,
                    outcome.errorResult(ownInstitutionCode, now, results.characterCode()).orElseThrow());
        }
        try {
            return results.encode(resultName, central.inquire(accepted.request()));
        } catch (CentralServiceRefusedException refused) {
            String detail = refused.serviceMessage().equals(refused.errorCode().message()) ? null : refused.serviceMessage();
            return results.fileLevel(resultName, request, refused.fileLevelCode(), detail);
        }
    }
}
