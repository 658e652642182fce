package org.openoqs.core.codec.eps;

import java.util.List;
import java.util.Optional;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.PrescriptionStatus;
import org.openoqs.core.xml.XmlNode;

/**
 * Typed e-prescription results — one hit of a search, one prescription's status, the outcome of any answer — and
 * their mapping both ways: the service writes them with {@code toXml} / {@link #writeStatus}, a screen that shows
 * them (the portal) reads them back here instead of walking the XML itself.
 */
public final class EpsResults {

    public static final String LISTED = "PrescriptionIdList";

    private EpsResults() {
    }

    /**
     * One prescription of a search result ({@code PrescriptionIdList}).
     *
     * @param createDateTime {@code yyyyMMddHHmmss}, as written
     * @param issueDate      {@code yyyyMMdd}, as written
     * @param issueType      OQSCD code: 1 電子処方箋, 2 紙の処方箋
     * @param status         the status label (未受付 …)
     */
    public record ListedPrescription(String prescriptionId, String accessCode, String createDateTime, String issueDate,
            String issueType, String status) {

        public boolean electronic() {
            return "1".equals(issueType);
        }
    }

    public static XmlNode toXml(ListedPrescription p) {
        return XmlNode.builder(LISTED)
                .leaf("PrescriptionId", p.prescriptionId())
                .leaf("AccessCode", p.accessCode())
                .leaf("CreateDateTime", p.createDateTime())
                .leaf("IssueDate", p.issueDate())
                .leaf("IssueType", p.issueType())
                .leaf("PrescriptionStatus", p.status())
                .build();
    }

    /** The hits of a search result's body, in the order written; missing elements read as empty text. */
    public static List<ListedPrescription> listed(XmlNode body) {
        return body.children(LISTED).stream().map(e -> new ListedPrescription(text(e, "PrescriptionId"),
                text(e, "AccessCode"), text(e, "CreateDateTime"), text(e, "IssueDate"), text(e, "IssueType"),
                text(e, "PrescriptionStatus"))).toList();
    }

    /**
     * One prescription's status as the status, receive and cancel answers carry it.
     *
     * @param issueType   OQSCD code: 1 電子処方箋, 2 紙の処方箋
     * @param messageFlag {@code MessageFlg} of the dispensing result; {@code null} before dispensing
     * @param dispensing  the dispensing result; {@code null} before dispensing
     */
    public record StatusView(String prescriptionId, String status, String issueType, String institutionCode,
            String receptionPharmacyCode, String receptionPharmacyName, String messageFlag,
            DispensingResult dispensing) {
    }

    /** Adds the status elements, then the dispensing result when there is one, to an answer's body. */
    public static void writeStatus(XmlNode.Builder body, StatusView s) {
        body.leaf("PrescriptionId", s.prescriptionId())
                .leaf("PrescriptionStatus", s.status())
                .leaf("IssueType", s.issueType())
                .leaf("MedicalInstitutionCode", s.institutionCode())
                .leaf("ReceptionPharmacyCode", s.receptionPharmacyCode())
                .leaf("ReceptionPharmacyName", s.receptionPharmacyName())
                .leaf("MessageFlg", s.messageFlag());
        if (s.dispensing() != null) {
            body.child(DispensingResults.toXml(s.dispensing()));
        }
    }

    /** Reads what {@link #writeStatus} wrote; absent elements read as {@code null}. */
    public static StatusView readStatus(XmlNode body) {
        return new StatusView(body.text("PrescriptionId").orElse(null), body.text("PrescriptionStatus").orElse(null),
                body.text("IssueType").orElse(null), body.text("MedicalInstitutionCode").orElse(null),
                body.text("ReceptionPharmacyCode").orElse(null), body.text("ReceptionPharmacyName").orElse(null),
                body.text("MessageFlg").orElse(null), DispensingResults.readAnswer(body).orElse(null));
    }

    /**
     * The code and message of an answer: the body's {@code ProcessingResultCode}/{@code …Message}, or else the
     * header's {@code ErrorCode}/{@code ErrorMessage}; both {@code null} for an answer without either.
     */
    public record Outcome(String code, String message) {

        public static Outcome of(XmlNode result) {
            return new Outcome(either(result, "ProcessingResultCode", "ErrorCode").orElse(null),
                    either(result, "ProcessingResultMessage", "ErrorMessage").orElse(null));
        }

        private static Optional<String> either(XmlNode result, String inBody, String inHeader) {
            return result.path(EpsMessages.BODY, inBody).map(XmlNode::text)
                    .or(() -> result.path(EpsMessages.HEADER, inHeader).map(XmlNode::text));
        }
    }

    private static String text(XmlNode element, String name) {
        return element.text(name).orElse("");
    }
}
