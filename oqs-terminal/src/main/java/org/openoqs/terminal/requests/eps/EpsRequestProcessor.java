package org.openoqs.terminal.requests.eps;

import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.terminal.central.EpsGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.message.RequestType;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.requests.ErrorResultWriter;

/**
 * One 電子処方箋 request file ({@code EPSsi…01req_<id>.xml}, docs/e-prescription.md): what the terminal can judge
 * itself — size, bytes, XML, root, header, its own institution code — is answered here with a file-level error;
 * the rest goes to the service, whose result message is written in the character code its header names. A
 * successful 控え ({@code EPSsicpy01}) is written as the PDF itself, {@code EPSsicpy01res_<id>.pdf}, as the real
 * terminal does for 薬剤情報 PDFs; every other answer (and a refused 控え) is {@code .xml}. EPS files are always
 * plain (never encrypted), as the kitting scripts force them.
 */
public final class EpsRequestProcessor implements RequestProcessor {

    private final String ownInstitutionCode;
    private final EpsGateway gateway;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter results;
    private final Clock clock;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    public EpsRequestProcessor(String ownInstitutionCode, EpsGateway gateway, XmlDocumentReader reader,
            ErrorResultWriter results, Clock clock) {
        this.ownInstitutionCode = ownInstitutionCode;
        this.gateway = gateway;
        this.reader = reader;
        this.results = results;
        this.clock = clock;
    }

    /** Registers one processor for every EPS operation. */
    public static void addTo(Map<RequestType, RequestProcessor> processors, EpsRequestProcessor processor) {
        for (EpsOperation operation : EpsOperation.values()) {
            processors.put(operation.requestType(), processor);
        }
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        RequestFileName name = RequestFileName.parse(request.name()).orElseThrow();
        EpsOperation operation = RequestType.ofPrefix(name.prefix()).flatMap(EpsOperation::ofRequestType).orElseThrow();
        String xmlName = name.resultName("xml");
        if (request.oversized()) {
            return error(xmlName, request, ErrorCode.FILE_TOO_LARGE, null);
        }
        XmlNode root;
        try {
            root = reader.read(request.content());
        } catch (InputRejectedException rejected) {
            return error(xmlName, request, rejected.errorCode(), rejected.detail());
        }
        Optional<Violation> local = EpsMessages.fileLevelViolation(root, ownInstitutionCode);
        if (local.isPresent()) {
            return error(xmlName, request, local.get().code(), local.get().detail());
        }
        XmlNode answer;
        try {
            answer = gateway.send(operation, root);
        } catch (CentralServiceRefusedException refused) {
            String detail = refused.serviceMessage().equals(refused.errorCode().message()) ? null : refused.serviceMessage();
            return error(xmlName, request, refused.fileLevelCode(), detail);
        }
        Optional<byte[]> pdf = operation == EpsOperation.COPY ? pdfOf(answer) : Optional.empty();
        if (pdf.isPresent()) {
            return new ProcessedResult(name.resultName("pdf"), pdf.get());
        }
        return new ProcessedResult(xmlName, writer.writeBytes(answer, characterCodeOf(answer)));
    }

    @Override
    public ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited) {
        String xmlName = RequestFileName.parse(request.name()).orElseThrow().resultName("xml");
        return error(xmlName, request, ErrorCode.CENTRAL_SERVICE_UNAVAILABLE, waited.toSeconds() + "秒間応答がありませんでした");
    }

    private ProcessedResult error(String resultName, RequestFile request, ErrorCode code, String detail) {
        String identifier = request.oversized() ? null
                : QualificationMessages.readRequestHeaderLeniently(request.content()).arbitraryFileIdentifier();
        CharacterCode characterCode = results.characterCode();
        XmlNode result = EpsMessages.fileLevelError(LocalDateTime.now(clock), ownInstitutionCode, identifier, code,
                detail, characterCode);
        return new ProcessedResult(resultName, writer.writeBytes(result, characterCode));
    }

    /** The PDF of a successful 控え answer. */
    private static Optional<byte[]> pdfOf(XmlNode answer) {
        Optional<String> status = answer.path(EpsMessages.BODY, "ProcessingResultStatus").map(XmlNode::text);
        Optional<String> file = answer.path(EpsMessages.BODY, "PrescriptionReferenceInformationFile").map(XmlNode::text);
        if (!"1".equals(status.orElse("")) || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(file.get()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private CharacterCode characterCodeOf(XmlNode answer) {
        return answer.path(EpsMessages.HEADER, "CharacterCodeIdentifier")
                .flatMap(n -> CodeTable.find(CharacterCode.class, n.text()))
                .orElseGet(results::characterCode);
    }
}
