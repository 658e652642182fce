package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.central.CardPathRefusedException;
import org.openoqs.terminal.central.CardPathService;

/**
 * {@code OQSsiurl01req_} → {@code OQSsiurl01res_<id>.xml}: the facility's マイナ在宅受付Web URL and QR code
 * (docs/home-care.md). The request is checked locally ({@link UrlRequest#check}) before the service is asked.
 */
public final class HomeCareUrlProcessor implements RequestProcessor {

    private final String ownInstitutionCode;
    private final CardPathService service;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter results;
    private final Clock clock;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    public HomeCareUrlProcessor(String ownInstitutionCode, CardPathService service, XmlDocumentReader reader,
            ErrorResultWriter results, Clock clock) {
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
        XmlNode root;
        try {
            root = reader.read(request.content());
        } catch (InputRejectedException rejected) {
            return results.fileLevel(resultName, request, rejected.errorCode(), rejected.detail());
        }
        UrlRequest.Outcome outcome = UrlRequest.check(root, ownInstitutionCode);
        if (!outcome.accepted()) {
            return results.encode(resultName, ErrorResults.fileLevelError(outcome.header(), ownInstitutionCode,
                    outcome.violation(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                    results.characterCode()));
        }
        try {
            XmlNode result = service.homeCareUrl(root);
            return new ProcessedResult(resultName, writer.write(result,
                    ReferenceNumberRegistrationProcessor.characterCodeOf(result)).bytes());
        } catch (CardPathRefusedException refused) {
            ErrorCode code = refused.errorCode().isFileLevel() ? refused.errorCode() : ErrorCode.CENTRAL_SERVICE_REJECTED;
            return results.fileLevel(resultName, request, code, null);
        }
    }
}
