package org.openoqs.terminal.requests.bulk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.terminal.linkage.ProcessedResult;
import org.openoqs.terminal.requests.ErrorResultWriter;

/**
 * Bulk result files the terminal writes itself, for what it can judge without the service (an oversized file, a
 * file naming another facility) or when the service refused: a {@code …01res_} or {@code …02res_} with
 * {@code SegmentOfResult} 9, echoing what the request's header still shows.
 */
final class LocalBulkErrors {

    private final String ownInstitutionCode;
    private final ErrorResultWriter results;
    private final Clock clock;
    private final XmlDocumentWriter writer = new XmlDocumentWriter();

    LocalBulkErrors(String ownInstitutionCode, ErrorResultWriter results, Clock clock) {
        this.ownInstitutionCode = ownInstitutionCode;
        this.results = results;
        this.clock = clock;
    }

    ProcessedResult receipt(String resultName, RequestHeader echo, ErrorCode code, String message) {
        CharacterCode cc = results.characterCode();
        BulkReceipt r = new BulkReceipt(now(), null, institution(echo), fileId(echo), SegmentOfResult.FAILED, code.code(),
                message, cc, null, null);
        return new ProcessedResult(resultName, writer.writeBytes(BulkMessages.receiptToXml(r), cc));
    }

    ProcessedResult result(String resultName, RequestHeader echo, ErrorCode code, String message) {
        CharacterCode cc = results.characterCode();
        BulkResultHeader h = new BulkResultHeader(now(), null, institution(echo), fileId(echo), null,
                SegmentOfResult.FAILED, code.code(), message, cc, null, null, null, null);
        return new ProcessedResult(resultName, writer.writeBytes(BulkMessages.resultToXml(h, List.of()), cc));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private String institution(RequestHeader echo) {
        String code = echo == null || echo.medicalInstitutionCode() == null ? null : echo.medicalInstitutionCode().strip();
        return code != null && code.length() == 10 && code.chars().allMatch(c -> c >= '0' && c <= '9')
                ? code : ownInstitutionCode;
    }

    private static String fileId(RequestHeader echo) {
        String id = echo == null ? null : echo.arbitraryFileIdentifier();
        return id == null || id.length() <= 100 ? id : id.substring(0, 100);
    }

    /** The header values of raw request bytes, never throwing (see {@link QualificationMessages#readRequestHeaderLeniently(byte[])}). */
    static RequestHeader headerOf(byte[] content) {
        return content == null ? null : QualificationMessages.readRequestHeaderLeniently(content);
    }
}
