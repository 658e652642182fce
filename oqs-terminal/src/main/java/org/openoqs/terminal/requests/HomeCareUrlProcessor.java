package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.central.CardPathService;

/**
 * {@code OQSsiurl01req_} → {@code OQSsiurl01res_<id>.xml}: the facility's マイナ在宅受付Web URL and QR code
 * (docs/home-care.md). The request is checked locally ({@link UrlRequest#check}) before the service is asked.
 */
public final class HomeCareUrlProcessor implements RequestProcessor {

    private final String ownInstitutionCode;
    private final CardPathService service;
    private final ErrorResultWriter results;
    private final Clock clock;
    private final XmlRequestFrame frame;

    public HomeCareUrlProcessor(String ownInstitutionCode, CardPathService service, XmlDocumentReader reader,
            ErrorResultWriter results, Clock clock) {
        this.ownInstitutionCode = ownInstitutionCode;
        this.service = service;
        this.results = results;
        this.clock = clock;
        this.frame = new XmlRequestFrame(reader, results);
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        return frame.process(request, this::answer);
    }

    /** A request the local check refuses is answered here with its file-level error; the rest by the service. */
    private XmlNode answer(XmlNode root) {
        UrlRequest.Outcome outcome = UrlRequest.check(root, ownInstitutionCode);
        if (!outcome.accepted()) {
            return QualificationMessages.resultToXml(ErrorResults.fileLevelError(outcome.header(), ownInstitutionCode,
                    outcome.violation(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS),
                    results.characterCode()));
        }
        return service.homeCareUrl(root);
    }
}
