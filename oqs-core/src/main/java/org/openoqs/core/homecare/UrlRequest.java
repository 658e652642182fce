package org.openoqs.core.homecare;

import java.util.Optional;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;

/**
 * {@code OQSsiurl01req_}: the facility asks for its マイナ在宅受付Web URL and QR code (docs/home-care.md). The public notes
 * only give the code tables; the element names are openoqs's own, after the tables:
 *
 * <pre>
 * MessageHeader   MedicalInstitutionCode, ArbitraryFileIdentifier
 * MessageBody     UrlAcquisitionClassification  OQSCD033 2 訪問診療等 / 3 オンライン診療等   (required)
 *                 FileFormatClassification      OQSCD034 1 PDF / 2 PNG                     (required)
 *                 UrlChangeClassification       OQSCD035 0 変更しない / 1 変更する           (optional, default 0)
 * </pre>
 * Every fault is file-level (the request names no person).
 *
 * @param header     the header as read
 * @param treatment  2 or 3
 * @param format     PDF or PNG
 * @param regenerate a new URL (the old one stops working)
 */
public record UrlRequest(RequestHeader header, MedicalTreatmentFlag treatment, QrFileFormat format, boolean regenerate) {

    /** OQSCD034 ファイル形式. */
    @org.openoqs.core.code.TableId("OQSCD034")
    public enum QrFileFormat implements CodeTable {
        PDF("1", "PDF形式"),
        PNG("2", "PNG形式");

        private final String code;
        private final String label;

        QrFileFormat(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** The checked request, or the file-level violation that refuses it. */
    public record Outcome(UrlRequest request, RequestHeader header, Violation violation) {
        public boolean accepted() {
            return request != null;
        }
    }

    /** Reads and checks a request tree; never throws for bad input. */
    public static Outcome check(XmlNode root, String facilityInstitutionCode) {
        RequestHeader header = QualificationMessages.readRequestHeaderLeniently(root);
        XmlNode body;
        try {
            QualificationMessages.readRequest(root); // envelope: XmlMsg, MessageHeader, MessageBody
            body = root.child(QualificationMessages.BODY).orElseThrow();
        } catch (InputRejectedException e) {
            return new Outcome(null, header, new Violation(e.errorCode(), null, e.detail()));
        }
        // the header rules of the 個別照会 without its confirmation date, which this request does not carry
        RequestHeader withDate = new RequestHeader("20000101", header.medicalInstitutionCode(),
                header.arbitraryFileIdentifier());
        Optional<Violation> headerFault = InquiryValidator.validateHeader(withDate, facilityInstitutionCode).stream()
                .findFirst();
        if (headerFault.isPresent()) {
            return new Outcome(null, header, headerFault.get());
        }
        String kind = text(body, "UrlAcquisitionClassification");
        if (kind == null) {
            return refused(header, ErrorCode.MISSING_URL_CLASSIFICATION, null);
        }
        MedicalTreatmentFlag treatment = switch (kind) {
            case "2" -> MedicalTreatmentFlag.HOME_VISIT;
            case "3" -> MedicalTreatmentFlag.ONLINE;
            default -> null;
        };
        if (treatment == null) {
            return refused(header, ErrorCode.INVALID_URL_CLASSIFICATION, "指定値: " + Violation.shown(kind));
        }
        String formatText = text(body, "FileFormatClassification");
        Optional<QrFileFormat> format = CodeTable.find(QrFileFormat.class, formatText);
        if (format.isEmpty()) {
            return refused(header, ErrorCode.INVALID_QR_FILE_FORMAT,
                    formatText == null ? "指定がありません" : "指定値: " + Violation.shown(formatText));
        }
        String change = text(body, "UrlChangeClassification");
        if (change != null && !change.equals("0") && !change.equals("1")) {
            return refused(header, ErrorCode.INVALID_URL_CHANGE_CLASSIFICATION, "指定値: " + Violation.shown(change));
        }
        return new Outcome(new UrlRequest(header, treatment, format.get(), "1".equals(change)), header, null);
    }

    private static Outcome refused(RequestHeader header, ErrorCode code, String detail) {
        return new Outcome(null, header, new Violation(code, code == ErrorCode.MISSING_URL_CLASSIFICATION
                ? "UrlAcquisitionClassification" : null, detail));
    }

    private static String text(XmlNode body, String name) {
        return body.text(name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }
}
