package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.medical.MedicalInformationResults;
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
 * 薬剤情報 ({@code YZKsiquc01req_}) and 特定健診情報 ({@code TKKsiquc01req_}): the answer is {@code …res_<id>.xml}, or
 * {@code …res_<id>.pdf} for the PDF file categories; every refusal (unreadable file, bad field, no consent) is an
 * XML result with {@code ResultCode} 2, so the レセコン always finds the message under the {@code .xml} name.
 */
public final class MedicalInformationProcessor implements RequestProcessor {

    private final MedicalInformationKind kind;
    private final CardPathService service;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter errors;
    private final Clock clock;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    public MedicalInformationProcessor(MedicalInformationKind kind, CardPathService service, XmlDocumentReader reader,
            ErrorResultWriter errors, Clock clock) {
        this.kind = kind;
        this.service = service;
        this.reader = reader;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        RequestFileName name = RequestFileName.parse(request.name()).orElseThrow();
        String xmlName = name.resultName("xml");
        if (request.oversized()) {
            return refusal(xmlName, null, ErrorCode.FILE_TOO_LARGE, null);
        }
        XmlNode root;
        try {
            root = reader.read(request.content());
        } catch (InputRejectedException rejected) {
            return refusal(xmlName, null, rejected.errorCode(), rejected.detail());
        }
        try {
            CardPathService.MedicalAnswer answer = service.medicalInformation(kind, root);
            if (answer.pdf() != null) {
                return new ProcessedResult(name.resultName("pdf"), answer.pdf());
            }
            XmlNode result = answer.xml();
            return new ProcessedResult(xmlName, writer.write(result,
                    ReferenceNumberRegistrationProcessor.characterCodeOf(result)).bytes());
        } catch (CardPathRefusedException refused) {
            return refusal(xmlName, root, refused.errorCode(), null);
        }
    }

    private ProcessedResult refusal(String resultName, XmlNode request, ErrorCode code, String detail) {
        String institution = request == null ? null : request.path("MessageHeader", "MedicalInstitutionCode")
                .map(XmlNode::text).orElse(null);
        String fileId = request == null ? null : request.path("MessageHeader", "ArbitraryFileIdentifier")
                .map(XmlNode::text).orElse(null);
        XmlNode result = MedicalInformationResults.error(institution, fileId, code.code(), code.messageWith(detail),
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), errors.characterCode());
        return new ProcessedResult(resultName, writer.write(result, errors.characterCode()).bytes());
    }

    public MedicalInformationKind kind() {
        return kind;
    }
}
