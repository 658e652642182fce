package org.openoqs.server.eps;

import java.time.LocalDateTime;
import java.util.Optional;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.codec.eps.EpsRequests;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.facility.Facility;
import org.springframework.stereotype.Component;

/**
 * The status moves: 取消 (prescriber), 受付 and 調剤結果登録 (pharmacy). Each reads the prescription, lets
 * {@link org.openoqs.core.eps.PrescriptionStatus} judge the move, and applies it with a conditional update; when
 * another request changed the status in between, it reads and judges again.
 */
@Component
class PrescriptionMoves {

    private static final int ATTEMPTS = 3;

    private final PrescriptionStore store;
    private final PrescriptionViews views;

    PrescriptionMoves(PrescriptionStore store, PrescriptionViews views) {
        this.store = store;
        this.views = views;
    }

    EpsOutcome cancel(Facility facility, EpsRequests.ById request, LocalDateTime now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredPrescription p = store.get(request.prescriptionId())
                    .filter(found -> found.institutionCode().equals(facility.institutionCode()))
                    .orElseThrow(() -> notFound(request.prescriptionId()));
            Optional<EpsResultCode> refused = p.status().refuseCancel();
            if (refused.isPresent()) {
                throw new EpsRejectedException(refused.get(), "状態: " + p.status().label());
            }
            if (store.cancel(p.prescriptionId(), now.atZone(ServerConfig.TOKYO).toInstant())) {
                return answer(store.get(p.prescriptionId()).orElseThrow(), null, "CANCELLED");
            }
        }
        throw new IllegalStateException("prescription " + request.prescriptionId() + " keeps changing");
    }

    EpsOutcome receive(Facility pharmacy, EpsRequests.Receive request, LocalDateTime now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StoredPrescription p = store.findByAccessCode(request.accessCode(), request.birthdate())
                    .orElseThrow(() -> new EpsRejectedException(EpsResultCode.ACCESS_CODE_NOT_FOUND, null));
            boolean heldHere = pharmacy.institutionCode().equals(p.pharmacyCode());
            Optional<EpsResultCode> refused = p.status().refuseReceive(heldHere);
            if (refused.isPresent() && !refused.get().carriedOut()) {
                throw new EpsRejectedException(refused.get(), null);
            }
            if (refused.isPresent()) {
                return received(p, refused.get());
            }
            if (now.toLocalDate().isAfter(p.expiryDate())) {
                throw new EpsRejectedException(EpsResultCode.PRESCRIPTION_EXPIRED, "使用期限: " + p.expiryDate());
            }
            if (store.receive(p.prescriptionId(), pharmacy.institutionCode(), now.atZone(ServerConfig.TOKYO).toInstant())) {
                return received(store.get(p.prescriptionId()).orElseThrow(), null);
            }
        }
        throw new IllegalStateException("prescription " + request.accessCode() + " keeps changing");
    }

    EpsOutcome dispense(Facility pharmacy, EpsRequests.Dispense request, LocalDateTime now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // Only the pharmacy holding the prescription learns anything about it: for every other caller an existing
            // id answers exactly as an unknown one, so the dispense call cannot probe statuses (docs/security.md).
            StoredPrescription p = store.get(request.prescriptionId())
                    .filter(found -> pharmacy.institutionCode().equals(found.pharmacyCode()))
                    .orElseThrow(() -> notFound(request.prescriptionId()));
            Optional<EpsResultCode> refused = p.status().refuseDispensingResult(true,
                    request.result().equals(p.dispensingResult()));
            if (refused.isPresent() && !refused.get().carriedOut()) {
                throw new EpsRejectedException(refused.get(), "状態: " + p.status().label());
            }
            if (refused.isPresent()) {
                return answer(p, refused.get(), "OK " + refused.get().code());
            }
            if (store.dispense(p.prescriptionId(), pharmacy.institutionCode(), request.result(),
                    now.atZone(ServerConfig.TOKYO).toInstant())) {
                return answer(store.get(p.prescriptionId()).orElseThrow(), null, "DISPENSED");
            }
        }
        throw new IllegalStateException("prescription " + request.prescriptionId() + " keeps changing");
    }

    private EpsOutcome received(StoredPrescription p, EpsResultCode note) {
        XmlNode.Builder body = EpsMessages.body(note, null);
        views.received(body, p);
        return new EpsOutcome(body.build(), PrescriptionQueries.subject(p),
                note == null ? "RECEIVED" : "OK " + note.code());
    }

    private EpsOutcome answer(StoredPrescription p, EpsResultCode note, String outcome) {
        XmlNode.Builder body = EpsMessages.body(note, null);
        views.status(body, p);
        return new EpsOutcome(body.build(), PrescriptionQueries.subject(p), outcome);
    }

    private static EpsRejectedException notFound(String id) {
        return new EpsRejectedException(EpsResultCode.PRESCRIPTION_NOT_FOUND, id);
    }
}
