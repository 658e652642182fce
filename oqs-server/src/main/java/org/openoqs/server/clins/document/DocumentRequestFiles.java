package org.openoqs.server.clins.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.MedicalInformationResults;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.clins.ClinsBundleReading;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.facility.Facility;
import org.springframework.stereotype.Service;

/**
 * The destination's inbox through the terminal's request files (docs/clins.md "Documents"), with openoqs's own names —
 * the official prefixes and layouts of these 要求ファイル are not public (../shared/spec/CIP-PMH.md §1.7):
 * {@code CIPsidcl01req_} lists the documents addressed to the facility, {@code CIPsidcg01req_} reads one (and marks it
 * received unless {@code MarkReceived} is 0). The terminal sends the JSON mirror of the request and writes the JSON
 * mirror of this answer back as XML; every refusal is a result with {@code ResultCode} 2 and the error code.
 */
@Service
public class DocumentRequestFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final DocumentInbox inbox;
    private final AuditLog audit;
    private final Clock clock;

    public DocumentRequestFiles(DocumentInbox inbox, AuditLog audit, Clock clock) {
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code CIPsidcl01}: every active document addressed to the facility; its content only after consent. */
    public XmlNode list(String actor, Facility facility, XmlNode request) {
        LocalDateTime now = now();
        String fileId = fileId(request);
        try {
            mine(actor, facility, request, fileId);
            List<DocumentInbox.Entry> entries = inbox.list(actor, facility);
            XmlNode.Builder documents = XmlNode.builder("Documents");
            for (DocumentInbox.Entry e : entries) {
                DocumentStore.StoredDocument d = e.document();
                documents.child("Document", doc -> {
                    doc.leaf("DocumentIdentifier", d.identifier())
                            .leaf("DocumentKind", d.kind().name())
                            .leaf("DocumentKindName", d.kind().label())
                            .leaf("SenderInstitutionCode", d.institutionCode())
                            .leaf("RegisteredDateTime", DocumentService.tokyo(d.registeredAt()).format(STAMP))
                            .leaf("ConsentStatus", e.consented() ? "1" : "0")
                            .leaf("Received", d.receivedAt() == null ? "0" : "1");
                    if (e.consented()) {
                        doc.leaf("PatientName", e.patientName()).leaf("PatientBirthDate", e.birthDate())
                                .leaf("DocumentVersion", d.version())
                                .leaf("DischargeSummaryAttached", d.dischargeSummary() ? "1" : "0");
                    }
                });
            }
            XmlNode.Builder body = XmlNode.builder("MessageBody").leaf("DocumentCount", String.valueOf(entries.size()));
            if (documents.hasChildren()) {
                body.child(documents.build());
            }
            return XmlNode.element("XmlMsg", header(facility, fileId, now).build(), body.build());
        } catch (ClinsRefusedException refused) {
            return error(facility, fileId, refused, now);
        }
    }

    /** {@code CIPsidcg01}: one document's FHIR Bundle as JSON text, after consent; marked received unless asked not to. */
    public XmlNode fetch(String actor, Facility facility, XmlNode request) {
        LocalDateTime now = now();
        String fileId = fileId(request);
        try {
            mine(actor, facility, request, fileId);
            String identifier = request.path("MessageBody", "DocumentIdentifier").map(XmlNode::text).orElse("");
            if (ClinsBundleIdentifier.parse(identifier).isEmpty()) {
                throw refused(actor, facility, fileId, ErrorCode.DOCUMENT_REQUEST_IDENTIFIER, "DocumentIdentifier");
            }
            DocumentInbox.Read read = inbox.read(actor, facility, identifier);
            byte[] bundle = read.bundle();
            boolean mark = !"0".equals(request.path("MessageBody", "MarkReceived").map(XmlNode::text).orElse("1"));
            DocumentStore.StoredDocument d = mark ? inbox.receive(actor, facility, identifier) : read.document();
            XmlNode body = XmlNode.builder("MessageBody")
                    .leaf("DocumentIdentifier", d.identifier())
                    .leaf("DocumentKind", d.kind().name())
                    .leaf("DocumentKindName", d.kind().label())
                    .leaf("SenderInstitutionCode", d.institutionCode())
                    .leaf("DocumentVersion", d.version())
                    .leaf("Received", d.receivedAt() == null ? "0" : "1")
                    .leaf("FhirBundle", new String(bundle, StandardCharsets.UTF_8))
                    .build();
            return XmlNode.element("XmlMsg", header(facility, fileId, now).build(), body);
        } catch (ClinsRefusedException refused) {
            return error(facility, fileId, refused, now);
        }
    }

    private void mine(String actor, Facility facility, XmlNode request, String fileId) {
        String code = request.path("MessageHeader", "MedicalInstitutionCode").map(XmlNode::text).orElse(null);
        if (!facility.institutionCode().equals(code)) {
            throw refused(actor, facility, fileId, code == null ? ErrorCode.MISSING_INSTITUTION_CODE
                    : ErrorCode.INSTITUTION_MISMATCH, "MedicalInstitutionCode");
        }
    }

    /** A refusal of the file itself (the inbox audits its own): audited here. */
    private ClinsRefusedException refused(String actor, Facility facility, String fileId, ErrorCode code, String field) {
        audit.append(facility.institutionCode(), actor, DocumentInbox.ACTION, "file=" + ClinsBundleReading.cut(
                fileId == null ? "-" : fileId), "REFUSED " + code.code());
        return DocumentService.refused(400, code, field);
    }

    private static String fileId(XmlNode request) {
        return request.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text).orElse(null);
    }

    private XmlNode.Builder header(Facility facility, String fileId, LocalDateTime now) {
        return XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", now.format(STAMP))
                .leaf("MedicalInstitutionCode", facility.institutionCode())
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("SegmentOfResult", "1")
                .leaf("CharacterCodeIdentifier", characterCode(facility).code())
                .leaf("ResultCode", MedicalInformationResults.RESULT_OK);
    }

    private XmlNode error(Facility facility, String fileId, ClinsRefusedException refused, LocalDateTime now) {
        ErrorCode code = refused.problems().get(0).code();
        return MedicalInformationResults.error(facility.institutionCode(), fileId, code.code(), code.message(), now,
                characterCode(facility));
    }

    private static CharacterCode characterCode(Facility facility) {
        return facility.settings().characterCode();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
