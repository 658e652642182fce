package org.openoqs.core.codec.bulk;

import static org.openoqs.core.codec.MessageFields.code;
import static org.openoqs.core.codec.MessageFields.date;
import static org.openoqs.core.codec.MessageFields.dateTime;

import java.util.ArrayList;
import java.util.List;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkRegistrationUnit;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.bulk.CareSettingSearchInfo;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.xml.XmlNode;

/**
 * Maps the bulk messages (INTERFACE.md §4.4–§4.6, docs/bulk.md) between {@link XmlNode} trees and the records of
 * this package. Writing follows the element order of the notes and skips {@code null} values; reading is
 * order-independent, ignores unknown elements and accepts the result records of a unit either directly inside
 * it or inside a {@code ResultList} wrapper (open point 7 of the notes).
 *
 * <p>Requests are read as raw strings (their checks belong to the validators); results are typed, and a value
 * that cannot be read throws {@link MessageFormatException} with
 * {@link ErrorCode#CENTRAL_SERVICE_INVALID_RESPONSE}.
 */
public final class BulkMessages {

    public static final String CONFIRM_UNIT = BulkConfirmUnit.ELEMENT;
    public static final String REGISTRATION_UNIT = BulkRegistrationUnit.ELEMENT;
    public static final String RECEPTION_NUMBER = "ReceptionNumber";
    public static final String RECEPTION_DATE_TIME = "ReceptionDateTime";

    private static final ErrorCode BAD_RESULT = ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE;

    private BulkMessages() {
    }

    // =====================================================================================================
    // Uploads (01req) and downloads (02req)
    // =====================================================================================================

    /**
     * The {@code MessageHeader} of an upload: {@code QualificationConfirmationDate} (一括照会 only; {@code null}
     * skips it), {@code MedicalInstitutionCode}, {@code ArbitraryFileIdentifier}.
     */
    public static XmlNode uploadHeaderToXml(RequestHeader h) {
        return XmlNode.builder(QualificationMessages.HEADER)
                .leaf("QualificationConfirmationDate", h.qualificationConfirmationDate())
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .build();
    }

    /** Reads an upload's header, raw. */
    public static RequestHeader readUploadHeader(XmlNode header) {
        return new RequestHeader(
                header.text("QualificationConfirmationDate").orElse(null),
                header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null));
    }

    /** The single {@code QualificationConfirmSearchInfo} of a care-setting upload. */
    public static XmlNode careSettingSearchInfoToXml(CareSettingSearchInfo s) {
        return XmlNode.builder(QualificationMessages.SEARCH_INFO)
                .leaf("MedicalTreatmentMonth", s.medicalTreatmentMonth())
                .leaf("ConsentDateFrom", s.consentDateFrom())
                .leaf("ConsentDateTo", s.consentDateTo())
                .leaf("ExaminationDateFrom", s.examinationDateFrom())
                .leaf("ExaminationDateTo", s.examinationDateTo())
                .leaf("MedicalTreatmentFlag", s.medicalTreatmentFlag())
                .build();
    }

    public static CareSettingSearchInfo readCareSettingSearchInfo(XmlNode s) {
        return new CareSettingSearchInfo(
                s.text("MedicalTreatmentMonth").orElse(null),
                s.text("ConsentDateFrom").orElse(null),
                s.text("ConsentDateTo").orElse(null),
                s.text("ExaminationDateFrom").orElse(null),
                s.text("ExaminationDateTo").orElse(null),
                s.text("MedicalTreatmentFlag").orElse(null));
    }

    public static XmlNode downloadRequestToXml(BulkDownloadRequest r) {
        return XmlNode.builder(QualificationMessages.ROOT)
                .child(XmlNode.builder(QualificationMessages.HEADER)
                        .leaf("MedicalInstitutionCode", r.medicalInstitutionCode())
                        .leaf("ArbitraryFileIdentifier", r.arbitraryFileIdentifier())
                        .build())
                .child(XmlNode.builder(QualificationMessages.BODY).leaf(RECEPTION_NUMBER, r.receptionNumber()).build())
                .build();
    }

    /**
     * Reads a {@code 02req_} tree, raw. Structure problems throw {@link MessageFormatException} with
     * {@link ErrorCode#WRONG_ROOT}, {@link ErrorCode#MISSING_MESSAGE_HEADER} or {@link ErrorCode#MISSING_MESSAGE_BODY}.
     */
    public static BulkDownloadRequest readDownloadRequest(XmlNode root) {
        if (!QualificationMessages.ROOT.equals(root.name())) {
            throw new MessageFormatException(ErrorCode.WRONG_ROOT, null, "ルート要素: " + shorten(root.name()));
        }
        XmlNode header = root.child(QualificationMessages.HEADER).orElseThrow(
                () -> new MessageFormatException(ErrorCode.MISSING_MESSAGE_HEADER, QualificationMessages.HEADER, null));
        XmlNode body = root.child(QualificationMessages.BODY).orElseThrow(
                () -> new MessageFormatException(ErrorCode.MISSING_MESSAGE_BODY, QualificationMessages.BODY, null));
        return new BulkDownloadRequest(header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null), body.text(RECEPTION_NUMBER).orElse(null));
    }

    // =====================================================================================================
    // 01res
    // =====================================================================================================

    public static XmlNode receiptToXml(BulkReceipt r) {
        XmlNode header = XmlNode.builder(QualificationMessages.HEADER)
                .leaf("ProcessExecutionTime", dateTime(r.processExecutionTime()))
                .leaf("QualificationConfirmationDate", date(r.qualificationConfirmationDate()))
                .leaf("MedicalInstitutionCode", r.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", r.arbitraryFileIdentifier())
                .leaf("SegmentOfResult", code(r.segmentOfResult()))
                .leaf("ErrorCode", r.errorCode())
                .leaf("ErrorMessage", r.errorMessage())
                .leaf("CharacterCodeIdentifier", code(r.characterCodeIdentifier()))
                .build();
        XmlNode body = XmlNode.builder(QualificationMessages.BODY)
                .leaf(RECEPTION_NUMBER, r.receptionNumber())
                .leaf(RECEPTION_DATE_TIME, dateTime(r.receptionDateTime()))
                .build();
        return XmlNode.element(QualificationMessages.ROOT, header, body);
    }

    public static BulkReceipt readReceipt(XmlNode root) {
        XmlNode header = envelope(root, QualificationMessages.HEADER);
        XmlNode body = root.child(QualificationMessages.BODY).orElse(XmlNode.element(QualificationMessages.BODY));
        return new BulkReceipt(
                dateTime(header, "ProcessExecutionTime"),
                date(header, "QualificationConfirmationDate"),
                header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null),
                code(header, "SegmentOfResult", SegmentOfResult.class),
                header.text("ErrorCode").orElse(null),
                header.text("ErrorMessage").orElse(null),
                code(header, "CharacterCodeIdentifier", CharacterCode.class),
                body.text(RECEPTION_NUMBER).map(String::strip).orElse(null),
                dateTime(body, RECEPTION_DATE_TIME));
    }

    // =====================================================================================================
    // 02res
    // =====================================================================================================

    public static XmlNode resultHeaderToXml(BulkResultHeader h) {
        return XmlNode.builder(QualificationMessages.HEADER)
                .leaf("ProcessExecutionTime", dateTime(h.processExecutionTime()))
                .leaf("QualificationConfirmationDate", date(h.qualificationConfirmationDate()))
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .leaf("ReferenceClassification", code(h.referenceClassification()))
                .leaf("SegmentOfResult", code(h.segmentOfResult()))
                .leaf("ErrorCode", h.errorCode())
                .leaf("ErrorMessage", h.errorMessage())
                .leaf("CharacterCodeIdentifier", code(h.characterCodeIdentifier()))
                .leaf(RECEPTION_NUMBER, h.receptionNumber())
                .leaf("NumberOfProcessingResult", number(h.numberOfProcessingResult()))
                .leaf("NumberOfNormalProcessing", number(h.numberOfNormalProcessing()))
                .leaf("NumberOfError", number(h.numberOfError()))
                .build();
    }

    public static BulkResultHeader readResultHeader(XmlNode header) {
        return new BulkResultHeader(
                dateTime(header, "ProcessExecutionTime"),
                date(header, "QualificationConfirmationDate"),
                header.text("MedicalInstitutionCode").orElse(null),
                header.text("ArbitraryFileIdentifier").orElse(null),
                code(header, "ReferenceClassification", ReferenceClassification.class),
                code(header, "SegmentOfResult", SegmentOfResult.class),
                header.text("ErrorCode").orElse(null),
                header.text("ErrorMessage").orElse(null),
                code(header, "CharacterCodeIdentifier", CharacterCode.class),
                header.text(RECEPTION_NUMBER).map(String::strip).orElse(null),
                integer(header, "NumberOfProcessingResult"),
                integer(header, "NumberOfNormalProcessing"),
                integer(header, "NumberOfError"));
    }

    /** A whole small {@code 02res_} document (error and 処理中 results; large results are streamed). */
    public static XmlNode resultToXml(BulkResultHeader header, List<XmlNode> units) {
        return XmlNode.element(QualificationMessages.ROOT, resultHeaderToXml(header),
                XmlNode.element(QualificationMessages.BODY, units));
    }

    // =====================================================================================================
    // Units
    // =====================================================================================================

    public static XmlNode unitToXml(BulkConfirmUnit u) {
        XmlNode.Builder x = XmlNode.builder(CONFIRM_UNIT)
                .child(QualificationMessages.searchInfoToXml(u.searchInfoEcho()))
                .leaf("ProcessingResultStatus", code(u.processingResultStatus()))
                .leaf("ProcessingResultCode", u.processingResultCode())
                .leaf("ProcessingResultMessage", u.processingResultMessage())
                .leaf("QualificationValidity", code(u.qualificationValidity()));
        for (ResultOfQualificationConfirmation r : u.results()) { // 医療扶助 tickets inside the record (§4.2)
            x.child(QualificationMessages.recordToXml(r));
        }
        for (String reference : u.referenceNumbers()) {
            x.leaf("ReferenceNumber", reference);
        }
        return x.build();
    }

    public static XmlNode registrationUnitToXml(BulkRegistrationUnit u) {
        return XmlNode.builder(REGISTRATION_UNIT)
                .child(u.registrationInfoEcho())
                .leaf("ProcessingResultStatus", code(u.processingResultStatus()))
                .leaf("ProcessingResultCode", u.processingResultCode())
                .leaf("ProcessingResultMessage", u.processingResultMessage())
                .build();
    }

    public static BulkRegistrationUnit readRegistrationUnit(XmlNode u) {
        return new BulkRegistrationUnit(
                u.child(BulkRegistrationUnit.REGISTRATION_INFO).orElse(null),
                code(u, "ProcessingResultStatus", ProcessingResultStatus.class),
                u.text("ProcessingResultCode").orElse(null),
                u.text("ProcessingResultMessage").orElse(null));
    }

    public static BulkConfirmUnit readConfirmUnit(XmlNode u) {
        List<XmlNode> recordNodes = new ArrayList<>(u.children(QualificationMessages.RESULT));
        for (XmlNode list : u.children(QualificationMessages.RESULT_LIST)) {
            recordNodes.addAll(list.children(QualificationMessages.RESULT));
        }
        List<ResultOfQualificationConfirmation> records = new ArrayList<>();
        for (XmlNode r : recordNodes) {
            records.add(QualificationMessages.readRecord(r));
        }
        List<String> references = new ArrayList<>();
        for (XmlNode ref : u.children("ReferenceNumber")) {
            references.add(ref.text());
        }
        return new BulkConfirmUnit(
                u.child(QualificationMessages.SEARCH_INFO).map(QualificationMessages::readSearchInfo).orElse(null),
                code(u, "ProcessingResultStatus", ProcessingResultStatus.class),
                u.text("ProcessingResultCode").orElse(null),
                u.text("ProcessingResultMessage").orElse(null),
                code(u, "QualificationValidity", QualificationValidity.class),
                records,
                references);
    }

    // =====================================================================================================
    // Helpers
    // =====================================================================================================

    private static XmlNode envelope(XmlNode root, String part) {
        if (!QualificationMessages.ROOT.equals(root.name())) {
            throw new MessageFormatException(BAD_RESULT, null, "ルート要素: " + shorten(root.name()));
        }
        return root.child(part).orElseThrow(() -> new MessageFormatException(BAD_RESULT, part, part + " がありません"));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static String number(Integer value) {
        return value == null ? null : value.toString();
    }

    private static Integer integer(XmlNode parent, String name) {
        String raw = parent.text(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new MessageFormatException(BAD_RESULT, name, name + " の件数「" + shorten(raw) + "」が数値ではありません");
        }
    }
}
