package org.openoqs.server.clins.document;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.clins.ClinsBundleReading;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsProblem;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.medical.ConsentGate;
import org.springframework.stereotype.Service;

/**
 * The destination's side of the documents (docs/clins.md "Documents"): the active documents addressed to the facility,
 * each shown only as "a document waits" until the patient consented, then readable and markable as received.
 *
 * <p>Consent (../shared/spec/CIP-PMH.md §1.6): given verbally at the sender (the flag sent with the document), or the
 * patient's 電子カルテ情報 consent to this facility at its card reader, in force now ({@link ConsentGate}, the gate of
 * 薬剤情報 and 6情報). The マイナポータル path of §1.6 (b) is not simulated. Every list, read and receipt — and every
 * refusal — is audited (action {@value #ACTION}).
 */
@Service
public class DocumentInbox {

    public static final String ACTION = "CLINS_DOCUMENT_INBOX";

    /** One document as its destination sees it; {@code patientName} and the rest are null until consent. */
    public record Entry(DocumentStore.StoredDocument document, boolean consented, String patientName, String birthDate) {
    }

    private final DocumentStore store;
    private final ConsentService consents;
    private final ClinsFhir fhir;
    private final AuditLog audit;
    private final Clock clock;

    public DocumentInbox(DocumentStore store, ConsentService consents, ClinsFhir fhir, AuditLog audit, Clock clock) {
        this.store = store;
        this.consents = consents;
        this.fhir = fhir;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The active documents addressed to the facility. Listed even with the facility's switch off (no new document can
     * reach it then, and the list shows no content): what waits is no secret to its addressee, reading it is.
     */
    public List<Entry> list(String actor, Facility facility) {
        List<Entry> entries = store.addressedTo(facility.institutionCode()).stream().map(d -> entry(facility, d)).toList();
        audit.append(facility.institutionCode(), actor, ACTION, "inbox", "LISTED documents=" + entries.size()
                + " consented=" + entries.stream().filter(Entry::consented).count());
        return entries;
    }

    /** A document read by its destination: the stored row and the Bundle as the sender registered it (latest 変更). */
    public record Read(DocumentStore.StoredDocument document, byte[] bundle) {
    }

    public Read read(String actor, Facility facility, String identifier) {
        DocumentStore.StoredDocument d = consented(actor, facility, identifier);
        audit.append(facility.institutionCode(), actor, ACTION, subject(d), "READ version=" + d.version());
        return new Read(d, store.bundle(d.documentId()));
    }

    /** 受領: marks the document received (the sender can no longer cancel or change it); repeating it is harmless. */
    public DocumentStore.StoredDocument receive(String actor, Facility facility, String identifier) {
        DocumentStore.StoredDocument d = consented(actor, facility, identifier);
        store.received(d.documentId(), clock.instant());
        audit.append(facility.institutionCode(), actor, ACTION, subject(d), "RECEIVED");
        return store.find(identifier).orElseThrow();
    }

    private DocumentStore.StoredDocument consented(String actor, Facility facility, String identifier) {
        String subject = "document=" + ClinsBundleReading.cut(identifier);
        enabled(actor, facility, subject);
        Optional<DocumentStore.StoredDocument> found = store.find(identifier).filter(d -> facility.institutionCode()
                .equals(d.destinationCode()) && d.status() == DocumentStore.Status.ACTIVE);
        if (found.isEmpty()) {
            throw refuse(actor, facility, subject, 404, ErrorCode.DOCUMENT_NOT_IN_INBOX);
        }
        if (!consented(facility, found.get())) {
            throw refuse(actor, facility, subject(found.get()), 403, ErrorCode.DOCUMENT_CONSENT_PENDING);
        }
        return found.get();
    }

    private void enabled(String actor, Facility facility, String subject) {
        if (!facility.settings().eKarteSharing()) {
            throw refuse(actor, facility, subject, 403, ErrorCode.CLINS_NOT_ENABLED);
        }
    }

    private Entry entry(Facility facility, DocumentStore.StoredDocument d) {
        if (!consented(facility, d)) {
            return new Entry(d, false, null, null);
        }
        Bundle bundle = fhir.parseBundle(new String(store.bundle(d.documentId()), java.nio.charset.StandardCharsets.UTF_8));
        Optional<Patient> patient = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst();
        return new Entry(d, true, patient.map(p -> p.getNameFirstRep().getText()).orElse(null),
                patient.filter(Patient::hasBirthDate).map(p -> p.getBirthDateElement().getValueAsString()).orElse(null));
    }

    private boolean consented(Facility facility, DocumentStore.StoredDocument d) {
        if (d.verbalConsent()) {
            return true;
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return ConsentGate.check(consents.latest(facility.institutionCode(), d.personId()), List.of(ConsentCategory.CLINS),
                now).isEmpty();
    }

    private ClinsRefusedException refuse(String actor, Facility facility, String subject, int status, ErrorCode code) {
        audit.append(facility.institutionCode(), actor, ACTION, subject, "REFUSED " + code.code());
        return new ClinsRefusedException(status, ClinsProblem.of(code, "identifier"));
    }

    private static String subject(DocumentStore.StoredDocument d) {
        return "document=" + d.identifier() + ";persons=" + d.personId();
    }
}
