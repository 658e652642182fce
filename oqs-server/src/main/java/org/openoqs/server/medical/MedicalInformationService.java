package org.openoqs.server.medical;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.core.medical.MedicalHistory;
import org.openoqs.core.medical.MedicalInformationIntake;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.medical.MedicalInformationRequest;
import org.openoqs.core.medical.MedicalInformationResults;
import org.openoqs.core.registry.Person;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 薬剤情報 / 特定健診情報 for a facility (INTERFACE.md §4.7, docs/medical-information.md): screen the request, find the
 * one person the insurance keys name, require the patient's consent to this facility for this information (in force
 * now), and answer from the person's synthetic history — as the XML result tree or, for file categories 1 and 3, a
 * PDF. Every answer and every refusal is audited (action {@value #ACTION}).
 */
@Service
public class MedicalInformationService {

    private static final Logger log = LoggerFactory.getLogger(MedicalInformationService.class);

    public static final String ACTION = "MEDICAL_INFORMATION";

    /** The answer: the XML result tree, or PDF bytes. */
    public record Answer(XmlNode xml, byte[] pdf) {
        public boolean isPdf() {
            return pdf != null;
        }
    }

    private final JdbcQualificationRegistry registry;
    private final ConsentService consents;
    private final AuditLog audit;
    private final MedicalHistories histories;
    private final MedicalInformationPdf pdf;
    private final EPrescriptionDrugHistory ePrescriptions;
    private final Clock clock;

    public MedicalInformationService(JdbcQualificationRegistry registry, ConsentService consents, AuditLog audit,
            MedicalHistories histories, MedicalInformationPdf pdf, EPrescriptionDrugHistory ePrescriptions, Clock clock) {
        this.pdf = pdf;
        this.ePrescriptions = ePrescriptions;
        this.registry = registry;
        this.consents = consents;
        this.audit = audit;
        this.histories = histories;
        this.clock = clock;
    }

    public Answer answer(FacilityPrincipal caller, Facility facility, MedicalInformationKind kind, XmlNode request) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CharacterCode cc = facility.settings().characterCode();
        MedicalInformationIntake.Outcome outcome = MedicalInformationIntake.check(request, kind, facility.institutionCode(),
                YearMonth.from(now));
        if (outcome instanceof MedicalInformationIntake.Rejected rejected) {
            record(caller, kind, rejected.arbitraryFileIdentifier(), Set.of(), "REJECTED " + rejected.violation().code().code());
            return refusal(facility, rejected.arbitraryFileIdentifier(), rejected.violation(), now, cc);
        }
        MedicalInformationRequest r = ((MedicalInformationIntake.Accepted) outcome).request();
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(r.insurerNumber(), r.insuranceCardSymbol(),
                r.insuredPersonIdentificationNumber(), r.branchNumber(), null).forEach(c -> persons.add(c.person().personId()));
        if (persons.size() != 1) {
            ErrorCode code = persons.isEmpty() ? ErrorCode.MEDICAL_INFORMATION_PERSON_NOT_FOUND
                    : ErrorCode.MEDICAL_INFORMATION_AMBIGUOUS;
            record(caller, kind, r.arbitraryFileIdentifier(), persons, "REFUSED " + code.code());
            return refusal(facility, r.arbitraryFileIdentifier(), Violation.of(code, null), now, cc);
        }
        String personId = persons.iterator().next();
        Person person = registry.person(personId).orElseThrow();
        Map<ConsentCategory, ConsentRecord> given = consents.latest(facility.institutionCode(), personId);
        List<ConsentCategory> needed = new ArrayList<>(List.of(kind.consent()));
        if (kind.includesDiagnosis(r.fileCategory())) {
            needed.add(ConsentCategory.DIAGNOSIS);
        }
        Optional<ConsentGate.Refusal> refusal = ConsentGate.check(given, needed, now);
        if (refusal.isPresent()) {
            record(caller, kind, r.arbitraryFileIdentifier(), persons, refusal.get().auditOutcome());
            return refusal(facility, r.arbitraryFileIdentifier(), refusal.get().violation(), now, cc);
        }
        if (r.wantsPdf() && !pdf.available()) {
            log.warn("PDF file category {} refused with {}: the font {} cannot be used: {}", r.fileCategory(),
                    ErrorCode.PDF_UNAVAILABLE.code(), pdf.font().source(), pdf.font().problem().orElse(""));
            record(caller, kind, r.arbitraryFileIdentifier(), persons, "REFUSED " + ErrorCode.PDF_UNAVAILABLE.code());
            return refusal(facility, r.arbitraryFileIdentifier(), Violation.of(ErrorCode.PDF_UNAVAILABLE, null), now, cc);
        }
        MedicalHistory history = histories.of(person);
        Answer answer = kind == MedicalInformationKind.DRUG ? drugs(facility, r, person, history, given, now, cc)
                : checkups(r, person, history, now, cc);
        record(caller, kind, r.arbitraryFileIdentifier(), persons, "OK category=" + r.fileCategory()
                + (answer.isPdf() ? " pdf" : " xml"));
        return answer;
    }

    private Answer drugs(Facility facility, MedicalInformationRequest r, Person person, MedicalHistory history,
            Map<ConsentCategory, ConsentRecord> given, LocalDateTime now, CharacterCode cc) {
        boolean withDiagnosis = MedicalInformationKind.DRUG.includesDiagnosis(r.fileCategory());
        boolean withSurgery = withDiagnosis
                && ConsentGate.surgeriesAllowed(facility.settings().operationInfo(), given, now);
        var dispensings = history.dispensingsBetween(r.from(), r.to());
        var diagnoses = withDiagnosis ? history.diagnoses() : null;
        var surgeries = withSurgery ? history.surgeries() : null;
        if (r.wantsPdf()) {
            return new Answer(null, pdf.drugInformation(new DrugHistoryPeriod(r.from(), r.to()), person, dispensings, diagnoses, surgeries, now));
        }
        // 電子処方箋由来 (CzDiInf / ShPrInf): the XML answer only; the PDF shows the claims-derived history
        var fromEPrescriptions = ePrescriptions.of(person, new DrugHistoryPeriod(r.from(), r.to()));
        return new Answer(MedicalInformationResults.drugResult(r, person, dispensings, diagnoses, surgeries,
                fromEPrescriptions, now, cc), null);
    }

    private Answer checkups(MedicalInformationRequest r, Person person, MedicalHistory history, LocalDateTime now,
            CharacterCode cc) {
        if (r.wantsPdf()) {
            return new Answer(null, pdf.healthCheckups(person, history.checkups(), now));
        }
        return new Answer(MedicalInformationResults.checkupResult(r, person, history.checkups(), now, cc), null);
    }

    private static Answer refusal(Facility facility, String fileId, Violation v, LocalDateTime now, CharacterCode cc) {
        return new Answer(MedicalInformationResults.error(facility.institutionCode(), fileId, v.code().code(), v.message(),
                now, cc), null);
    }

    private void record(FacilityPrincipal caller, MedicalInformationKind kind, String fileId, Set<String> persons,
            String outcome) {
        String file = fileId == null ? "-" : fileId.codePoints().limit(100).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "kind=" + kind.prefix() + ";file=" + file
                + ";persons=" + String.join(",", persons), outcome);
    }
}
