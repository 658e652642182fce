package org.openoqs.terminal.requests;

import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;
import org.openoqs.terminal.linkage.RequestProcessor;
import org.openoqs.terminal.central.CardPathService;

/**
 * 照会番号 単件登録 ({@code OQSsiimm01req_} → {@code OQSsiimm01res_}). Bytes the XML reader refuses are answered
 * here with a file-level error; a readable tree goes to the service, which screens the fields and registers, and
 * whose answer is written in the facility's character code.
 */
public final class ReferenceNumberRegistrationProcessor implements RequestProcessor {

    private final CardPathService service;
    private final XmlRequestFrame frame;

    public ReferenceNumberRegistrationProcessor(CardPathService service, XmlDocumentReader reader, ErrorResultWriter errors) {
        this.service = service;
        this.frame = new XmlRequestFrame(reader, errors);
    }

    @Override
    public ProcessedResult process(RequestFile request) {
        return frame.process(request, service::registerReferenceNumber);
    }

    static CharacterCode characterCodeOf(XmlNode result) {
        String code = result.path("MessageHeader", "CharacterCodeIdentifier").map(XmlNode::text).orElse("0");
        return "1".equals(code.strip()) ? CharacterCode.SHIFT_JIS : CharacterCode.UTF_8;
    }
}
