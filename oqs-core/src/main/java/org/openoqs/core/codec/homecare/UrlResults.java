package org.openoqs.core.codec.homecare;

import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Objects;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.core.xml.XmlNode;

/**
 * {@code OQSsiurl01res_}: the facility's マイナ在宅受付Web URL and its QR code (docs/home-care.md; element names
 * openoqs's own). The QR code travels in the result file itself, base64-encoded, so the answer stays one file:
 *
 * <pre>
 * MessageHeader  ProcessExecutionTime, MedicalInstitutionCode, ArbitraryFileIdentifier, SegmentOfResult 1,
 *                CharacterCodeIdentifier
 * MessageBody    ProcessingResultStatus 1
 *                UrlAcquisitionClassification   2 / 3 (echo)
 *                ReceptionUrl                   the URL the QR code encodes
 *                UrlIssueTime                   yyyyMMddHHmmss, when this URL was made
 *                UrlChanged                     1 when this request made a new URL, else 0
 *                FileFormatClassification       1 PDF / 2 PNG (echo)
 *                QrCodeFile                     base64 of the PDF or PNG
 * </pre>
 */
public final class UrlResults {

    private UrlResults() {
    }

    /** One issued URL and its QR file. */
    public record IssuedUrl(MedicalTreatmentFlag treatment, String url, LocalDateTime issuedAt, boolean changed,
            UrlRequest.QrFileFormat format, byte[] file) {
        public IssuedUrl {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(file, "file");
        }
    }

    public static XmlNode toXml(String institutionCode, String fileId, IssuedUrl issued, LocalDateTime now,
            CharacterCode characterCode) {
        XmlNode header = XmlNode.builder(QualificationMessages.HEADER)
                .leaf("ProcessExecutionTime", QualificationMessages.DATE_TIME.format(now))
                .leaf("MedicalInstitutionCode", institutionCode)
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("SegmentOfResult", SegmentOfResult.COMPLETED.code())
                .leaf("CharacterCodeIdentifier", characterCode.code())
                .build();
        XmlNode body = XmlNode.builder(QualificationMessages.BODY)
                .leaf("ProcessingResultStatus", ProcessingResultStatus.COMPLETED.code())
                .leaf("UrlAcquisitionClassification", issued.treatment().code())
                .leaf("ReceptionUrl", issued.url())
                .leaf("UrlIssueTime", QualificationMessages.DATE_TIME.format(issued.issuedAt()))
                .leaf("UrlChanged", issued.changed() ? "1" : "0")
                .leaf("FileFormatClassification", issued.format().code())
                .leaf("QrCodeFile", Base64.getEncoder().encodeToString(issued.file()))
                .build();
        return XmlNode.element(QualificationMessages.ROOT, header, body);
    }
}
