package org.openoqs.terminal.requests;

import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
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
 * 照会番号 単件登録 ({@code OQSsiimm01req_} → {@code OQSsiimm01res_}). Bytes the XML reader refuses are answered
 * here with a file-level error; a readable tree goes to the service, which screens the fields and registers, and
 * whose answer is written in the facility's character code.
 */
public final class ReferenceNumberRegistrationProcessor implements RequestProcessor {

    private final CardPathService service;
    private final XmlDocumentReader reader;
    private final ErrorResultWriter errors;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    public ReferenceNumberRegistrationProcessor(CardPathService service, XmlDocumentReader reader, ErrorResultWriter errors) {
        this.service = service;
        this.reader = reader;
        this.errors = errors;
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        String resultName = RequestFileName.parse(request.name()).orElseThrow().resultName("xml");
        if (request.oversized()) {
            return errors.fileLevel(resultName, null, ErrorCode.FILE_TOO_LARGE, null);
        }
        XmlNode root;
        try {
            root = reader.read(request.content());
        } catch (InputRejectedException rejected) {
            return errors.fileLevel(resultName, request, rejected.errorCode(), rejected.detail());
        }
        try {
            XmlNode result = service.registerReferenceNumber(root);
            return new ProcessedResult(resultName, writer.write(result, characterCodeOf(result)).bytes());
        } catch (CardPathRefusedException refused) {
            // a person-level refusal code cannot head a file-level error result
            ErrorCode code = refused.errorCode().isFileLevel() ? refused.errorCode() : ErrorCode.CENTRAL_SERVICE_REJECTED;
            return errors.fileLevel(resultName, request, code, null);
        }
    }

    static CharacterCode characterCodeOf(XmlNode result) {
        String code = result.path("MessageHeader", "CharacterCodeIdentifier").map(XmlNode::text).orElse("0");
        return "1".equals(code.strip()) ? CharacterCode.SHIFT_JIS : CharacterCode.UTF_8;
    }
}
