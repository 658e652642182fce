package org.openoqs.terminal.reader;

import org.openoqs.core.code.PrescriptionIssueSelect;
import java.util.Objects;
import java.util.Set;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;

/**
 * One confirmation at the reader: which card (or smartphone) is presented, how presence is proved, and what the
 * patient chose to share.
 *
 * @param faceMatched the face-auth reader's verdict (method face); the simulator takes it as an input
 * @param prescriptionChoice the patient's electronic / paper answer (OQSCD017), or {@code null} when not asked
 */
public record ReaderRequest(String cardId, CredentialKind credential, PresenceMethod method, String pin,
        boolean faceMatched, Set<ConsentCategory> consents, MedicalTreatmentFlag treatment,
        PrescriptionIssueSelect prescriptionChoice) {

    /** A confirmation without a prescription question. */
    public ReaderRequest(String cardId, CredentialKind credential, PresenceMethod method, String pin,
            boolean faceMatched, Set<ConsentCategory> consents, MedicalTreatmentFlag treatment) {
        this(cardId, credential, method, pin, faceMatched, consents, treatment, null);
    }

    public ReaderRequest {
        Objects.requireNonNull(cardId, "cardId");
        credential = credential == null ? CredentialKind.MY_NUMBER_CARD : credential;
        Objects.requireNonNull(method, "method");
        consents = consents == null ? Set.of() : Set.copyOf(consents);
        treatment = treatment == null ? MedicalTreatmentFlag.OUTPATIENT : treatment;
    }

    PresenceCheck check() {
        return switch (method) {
            case FACE -> PresenceCheck.face(faceMatched);
            case PIN -> PresenceCheck.pin(pin);
            case VISUAL -> PresenceCheck.visual();
        };
    }

    @Override
    public String toString() { // never log a PIN
        return "ReaderRequest[" + cardId + ", " + credential + ", " + method + ", consents=" + consents + "]";
    }
}
