package org.openoqs.terminal.requests;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.RequestFileName;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;

/**
 * The frame of a request answered by one XML result tree under {@code <prefix>res_<id>.xml} (the 電子カルテ情報
 * requests: documents and 6情報 registration): a file over the size limit, a file the XML reader refuses, input the
 * answering step refuses ({@link InputRejectedException}) and a connection the service refuses are each a file-level
 * error result echoing what the request's header still says; anything else is the answering step's tree, written in
 * the character code its header names.
 */
final class XmlRequestFrame {

    /** From the request's tree to the result's. */
    interface Answering {
        XmlNode answer(XmlNode request);
    }

    private final XmlDocumentReader reader;
    private final ErrorResultWriter results;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    XmlRequestFrame(XmlDocumentReader reader, ErrorResultWriter results) {
        this.reader = reader;
        this.results = results;
    }

    ProcessedResult process(RequestFile request, Answering answering) {
        String resultName = RequestFileName.parse(request.name()).orElseThrow().resultName("xml");
        if (request.oversized()) {
            return results.fileLevel(resultName, null, ErrorCode.FILE_TOO_LARGE, null);
        }
        try {
            XmlNode result = answering.answer(reader.read(request.content()));
            return new ProcessedResult(resultName, writer.write(result,
                    ReferenceNumberRegistrationProcessor.characterCodeOf(result)).bytes());
        } catch (InputRejectedException rejected) {
            return results.fileLevel(resultName, request, rejected.errorCode(), rejected.detail());
        } catch (CentralServiceRefusedException refused) {
            return results.fileLevel(resultName, request, refused.errorCode(), null);
        }
    }
}
