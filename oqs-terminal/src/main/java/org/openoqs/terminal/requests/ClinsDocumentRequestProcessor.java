package org.openoqs.terminal.requests;

import java.util.List;
import java.util.Map;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.terminal.central.ClinsDocumentInbox;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;

/**
 * The destination's documents through request files (docs/clins.md "Documents"), under openoqs's own names — the
 * official ones are not public: {@code CIPsidcl01req_} → {@code CIPsidcl01res_<id>.xml} lists the documents addressed
 * to the facility (before the patient's consent only that a document waits), {@code CIPsidcg01req_} →
 * {@code CIPsidcg01res_<id>.xml} carries one document's FHIR Bundle as JSON text, {@code CIPsickr01req_} →
 * {@code CIPsickr01res_<id>.xml} a patient's 健康診断結果報告書 (with the 特定健診情報 consent). Refusals of the service (no consent,
 * not addressed here, switched off) come back as results with {@code ResultCode} 2; an unreadable file or a refused
 * connection is a file-level error.
 */
public final class ClinsDocumentRequestProcessor implements RequestProcessor {

    private static final List<RequestType> TYPES = List.of(RequestType.CLINS_DOCUMENT_LIST,
            RequestType.CLINS_DOCUMENT_FETCH, RequestType.CLINS_CHECKUP_REPORTS);

    private final RequestType type;
    private final ClinsDocumentInbox inbox;
    private final XmlRequestFrame frame;

    public ClinsDocumentRequestProcessor(RequestType type, ClinsDocumentInbox inbox, XmlDocumentReader reader,
            ErrorResultWriter results) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a CLINS document request: " + type);
        }
        this.type = type;
        this.inbox = inbox;
        this.frame = new XmlRequestFrame(reader, results);
    }

    /** Registers the document requests. */
    public static void addTo(Map<RequestType, RequestProcessor> processors, ClinsDocumentInbox inbox,
            XmlDocumentReader reader, ErrorResultWriter results) {
        for (RequestType t : TYPES) {
            processors.put(t, new ClinsDocumentRequestProcessor(t, inbox, reader, results));
        }
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        return frame.process(request, root -> switch (type) {
            case CLINS_DOCUMENT_LIST -> inbox.list(root);
            case CLINS_CHECKUP_REPORTS -> inbox.checkupReports(root);
            default -> inbox.fetch(root);
        });
    }
}
