package org.openoqs.terminal.requests;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.linkage.RequestFile;

/**
 * Writes result files: the encoded answer of the service, or an error result the terminal builds itself.
 * Error results echo whatever header values the broken request still has, so the レセコン can correlate them.
 */
public final class ErrorResultWriter {

    private final String ownInstitutionCode;
    private final Supplier<CharacterCode> characterCode;
    private final Clock clock;
    private final XmlDocumentReader reader;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    /**
     * @param characterCode the facility's result encoding; must not throw (fall back to the last known value)
     */
    public ErrorResultWriter(String ownInstitutionCode, Supplier<CharacterCode> characterCode, Clock clock,
            XmlDocumentReader reader) {
        this.ownInstitutionCode = ownInstitutionCode;
        this.characterCode = characterCode;
        this.clock = clock;
        this.reader = reader;
    }

    /**
     * A file-level error result ({@code SegmentOfResult} 9). {@code request} may be null or unreadable. A
     * person-level code (a refusal of the service about a person) cannot head a file: the general refusal
     * {@link ErrorCode#CENTRAL_SERVICE_REJECTED} does, as {@code CentralServiceRefusedException.fileLevelCode()} says.
     */
    public ProcessedResult fileLevel(String resultName, RequestFile request, ErrorCode code, String detail) {
        RequestHeader echo = request == null ? null : headerOf(request);
        ErrorCode fileCode = code.isFileLevel() ? code : ErrorCode.CENTRAL_SERVICE_REJECTED;
        QualificationInquiryResult result = ErrorResults.fileLevelError(echo, ownInstitutionCode, fileCode, detail,
                LocalDateTime.now(clock), characterCode.get());
        return encode(resultName, result);
    }

    /** The facility's result character code as far as the terminal knows it. */
    public CharacterCode characterCode() {
        return characterCode.get();
    }

    /** Encodes a result in the character code its header names. */
    public ProcessedResult encode(String resultName, QualificationInquiryResult result) {
        CharacterCode code = result.header().characterCodeIdentifier();
        byte[] bytes = writer.write(QualificationMessages.resultToXml(result), code).bytes();
        return new ProcessedResult(resultName, bytes);
    }

    private RequestHeader headerOf(RequestFile request) {
        if (request.unread()) {
            return null;
        }
        // Works on raw bytes: a file the XML reader refuses may still name its facility and identifier.
        return QualificationMessages.readRequestHeaderLeniently(request.content());
    }
}
