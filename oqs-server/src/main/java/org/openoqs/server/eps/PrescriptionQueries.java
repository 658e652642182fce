package org.openoqs.server.eps;

import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.codec.eps.EpsRequests;
import org.openoqs.core.codec.eps.EpsResults;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.Facility;
import org.springframework.stereotype.Component;

/**
 * The read-only operations: 検索, 状態取得, 控え, 調剤結果一覧. A facility only ever sees prescriptions it issued or,
 * as a pharmacy, received; anything else is "not found", never "not yours".
 */
@Component
class PrescriptionQueries {

    private final PrescriptionStore store;
    private final PrescriptionViews views;
    private final PrescriptionCopyPdf pdf;

    PrescriptionQueries(PrescriptionStore store, PrescriptionViews views, PrescriptionCopyPdf pdf) {
        this.store = store;
        this.views = views;
        this.pdf = pdf;
    }

    EpsOutcome search(Facility facility, EpsRequests.Search request) {
        List<StoredPrescription> found = store.search(facility.institutionCode(), request);
        XmlNode.Builder body = EpsMessages.body(found.isEmpty() ? EpsResultCode.NO_PRESCRIPTIONS_FOUND : null, null);
        for (StoredPrescription p : found) {
            body.child(EpsResults.toXml(new EpsResults.ListedPrescription(p.prescriptionId(), p.accessCode(),
                    PrescriptionViews.dateTime(p.createdAt()), p.issueDate().format(QualificationMessages.DATE),
                    p.issueType().code(), p.status().label())));
        }
        return new EpsOutcome(body.build(), "insurer=" + request.insurerNumber() + ";count=" + found.size(), "OK");
    }

    EpsOutcome status(Facility facility, EpsRequests.ById request) {
        StoredPrescription p = visible(facility, request.prescriptionId());
        XmlNode.Builder body = EpsMessages.body(null, null);
        views.status(body, p);
        return new EpsOutcome(body.build(), subject(p), "OK " + p.status().name());
    }

    EpsOutcome copy(Facility facility, EpsRequests.ById request, LocalDateTime now) {
        StoredPrescription p = visible(facility, request.prescriptionId());
        if (!p.institutionCode().equals(facility.institutionCode())) {
            throw new EpsRejectedException(EpsResultCode.PRESCRIPTION_NOT_FOUND, request.prescriptionId());
        }
        PrescriptionDocuments.Reading reading = PrescriptionDocuments.read(PrescriptionViews.contentOf(p));
        byte[] rendered = pdf.render(p, reading.document(), views.pharmacyName(p), now)
                .orElseThrow(() -> new EpsRejectedException(EpsResultCode.COPY_UNAVAILABLE, null));
        XmlNode body = EpsMessages.body(null, null)
                .leaf("PrescriptionId", p.prescriptionId())
                .leaf("PrescriptionReferenceInformationFile", Base64.getEncoder().encodeToString(rendered))
                .build();
        return new EpsOutcome(body, subject(p), "OK " + rendered.length + " bytes");
    }

    EpsOutcome dispensingResults(Facility facility, EpsRequests.DispensingResultList request) {
        List<StoredPrescription> found = store.dispensed(facility.institutionCode(), request.start(), request.end());
        XmlNode.Builder body = EpsMessages.body(null, null);
        for (StoredPrescription p : found) {
            body.child("DispensingResultList", b -> b.leaf("PrescriptionId", p.prescriptionId())
                    .leaf("MedicalInstitutionCode", p.institutionCode())
                    .leaf("ReceptionPharmacyCode", p.pharmacyCode())
                    .leaf("ReceptionPharmacyName", views.pharmacyName(p))
                    .leaf("PatientName", p.patientName())
                    .leaf("DispensingDate", p.dispensingResult().dispensingDate().format(QualificationMessages.DATE))
                    .leaf("MessageFlg", p.dispensingResult().messageFlag()));
        }
        return new EpsOutcome(body.build(), "from=" + request.start() + ";to=" + request.end() + ";count=" + found.size(),
                "OK");
    }

    private StoredPrescription visible(Facility facility, String prescriptionId) {
        return store.get(prescriptionId).filter(p -> p.visibleTo(facility.institutionCode()))
                .orElseThrow(() -> new EpsRejectedException(EpsResultCode.PRESCRIPTION_NOT_FOUND, prescriptionId));
    }

    static String subject(StoredPrescription p) {
        return "prescription=" + p.prescriptionId();
    }
}
