package org.openoqs.server.medical;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.eps.PrescriptionStatus;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.core.medical.EPrescriptionHistory;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.pki.PrescriptionSignatureVerifier;
import org.openoqs.server.eps.PrescriptionStore;
import org.openoqs.server.eps.StoredPrescription;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Component;

/**
 * A person's 電子処方箋 data for 薬剤情報 (docs/medical-information.md, "電子処方箋由来"): the prescriptions registered
 * for any of the person's qualifications (insurance numbers and birthdate as on the prescription) at any facility,
 * issued in the requested months and not cancelled ({@code ShPrInf}), and the dispensing results of those dispensed
 * in the requested months ({@code CzDiInf}). The caller has already checked the patient's 薬剤情報 consent.
 */
@Component
public class EPrescriptionDrugHistory {

    private final PrescriptionStore store;
    private final JdbcQualificationRegistry registry;
    private final FacilityService facilities;

    public EPrescriptionDrugHistory(PrescriptionStore store, JdbcQualificationRegistry registry,
            FacilityService facilities) {
        this.store = store;
        this.registry = registry;
        this.facilities = facilities;
    }

    public EPrescriptionHistory of(Person person, DrugHistoryPeriod period) {
        LocalDate start = period.from().atDay(1);
        LocalDate end = period.to().atEndOfMonth();
        Map<String, StoredPrescription> found = new LinkedHashMap<>();
        for (Qualification q : registry.qualificationsOf(person.personId())) {
            for (StoredPrescription p : store.ofPatient(q.insurerNumber().digits(), q.insuredCardSymbol(),
                    q.insuredIdentificationNumber(), q.insuredBranchNumber(), person.birthdate(), start, end)) {
                found.putIfAbsent(p.prescriptionId(), p);
            }
        }
        List<EPrescriptionHistory.Prescribed> prescribed = new ArrayList<>();
        List<EPrescriptionHistory.Dispensed> dispensed = new ArrayList<>();
        for (StoredPrescription p : found.values()) {
            PrescriptionDocument document = document(p);
            String prescriberName = document.medicalInstitutionName() != null ? document.medicalInstitutionName()
                    : facilityName(p.institutionCode());
            if (!p.issueDate().isBefore(start) && !p.issueDate().isAfter(end)) {
                prescribed.add(new EPrescriptionHistory.Prescribed(p.institutionCode(), prescriberName, p.issueDate(),
                        document.medications()));
            }
            if (p.status() == PrescriptionStatus.DISPENSED && p.dispensingResult() != null) {
                LocalDate day = p.dispensingResult().dispensingDate();
                if (!day.isBefore(start) && !day.isAfter(end)) {
                    dispensed.add(new EPrescriptionHistory.Dispensed(p.pharmacyCode(), facilityName(p.pharmacyCode()),
                            p.institutionCode(), prescriberName, day, p.issueDate(), p.dispensingResult().medications()));
                }
            }
        }
        dispensed.sort(java.util.Comparator.comparing(EPrescriptionHistory.Dispensed::dispensingDate));
        return new EPrescriptionHistory(prescribed, dispensed);
    }

    /** The document inside the stored SignedData; it was verified and read when the prescription was registered. */
    private static PrescriptionDocument document(StoredPrescription p) {
        byte[] content = PrescriptionSignatureVerifier.signedContent(p.signedPayload()).orElseThrow(
                () -> new IllegalStateException("stored payload of " + p.prescriptionId() + " is not a SignedData"));
        PrescriptionDocuments.Reading reading = PrescriptionDocuments.read(content);
        if (!reading.ok()) {
            throw new IllegalStateException("stored prescription " + p.prescriptionId() + " cannot be read");
        }
        return reading.document();
    }

    private String facilityName(String code) {
        return code == null ? null : facilities.find(code).map(Facility::name).orElse(null);
    }
}
