package org.openoqs.server.eps;

import java.time.Instant;
import java.util.Base64;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.eps.EpsResults;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.PrescriptionSignatureVerifier;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.springframework.stereotype.Component;

/** The elements that describe a stored prescription in results (status, receive, lists). */
@Component
class PrescriptionViews {

    private final FacilityService facilities;

    PrescriptionViews(FacilityService facilities) {
        this.facilities = facilities;
    }

    /** PrescriptionId, PrescriptionStatus, IssueType, the pharmacy and the dispensing result when there is one. */
    void status(XmlNode.Builder body, StoredPrescription p) {
        EpsResults.writeStatus(body, new EpsResults.StatusView(p.prescriptionId(), p.status().label(),
                p.issueType().code(), p.institutionCode(), p.pharmacyCode(), pharmacyName(p),
                p.dispensingResult() == null ? null : p.dispensingResult().messageFlag(), p.dispensingResult()));
    }

    /** What a pharmacy needs after receiving: the status plus the signed payload and its document. */
    void received(XmlNode.Builder body, StoredPrescription p) {
        status(body, p);
        body.leaf("AccessCode", p.accessCode())
                .leaf("PrescriptionInfo", Base64.getEncoder().encodeToString(p.signedPayload()));
        PrescriptionDocuments.Reading reading = PrescriptionDocuments.read(contentOf(p));
        if (reading.ok()) {
            body.child(PrescriptionDocuments.toXml(reading.document()));
        }
    }

    String pharmacyName(StoredPrescription p) {
        return p.pharmacyCode() == null ? null
                : facilities.find(p.pharmacyCode()).map(Facility::name).orElse(null);
    }

    /** The document bytes inside the stored (already verified) SignedData. */
    static byte[] contentOf(StoredPrescription p) {
        return PrescriptionSignatureVerifier.signedContent(p.signedPayload()).orElseThrow(
                () -> new IllegalStateException("stored payload of " + p.prescriptionId() + " is not a SignedData"));
    }

    static String dateTime(Instant instant) {
        return instant.atZone(ServerConfig.TOKYO).toLocalDateTime().format(QualificationMessages.DATE_TIME);
    }
}
