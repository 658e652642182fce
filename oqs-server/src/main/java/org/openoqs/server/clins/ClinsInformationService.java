package org.openoqs.server.clins;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
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
import org.openoqs.server.medical.ConsentGate;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;

/**
 * 電子カルテ情報 for a facility ({@code CIPsiquc01}, docs/clins.md), the rules of 薬剤情報 with its own switch and
 * consent: screen the request, refuse when the facility has not switched 電子カルテ情報共有サービス on, find the one
 * person the insurance keys name, require the patient's {@link ConsentCategory#CLINS} consent to this facility in
 * force now, and answer with {@link ClinsInformation}. Audited like 薬剤情報 (action
 * {@value MedicalInformationService#ACTION}, {@code kind=CIPsiquc01}).
 */
@Service
public class ClinsInformationService {

    private static final MedicalInformationKind KIND = MedicalInformationKind.CLINICAL;

    private final JdbcQualificationRegistry registry;
    private final ConsentService consents;
    private final ClinsInformation information;
    private final AuditLog audit;
    private final Clock clock;

    public ClinsInformationService(JdbcQualificationRegistry registry, ConsentService consents,
            ClinsInformation information, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.consents = consents;
        this.information = information;
        this.audit = audit;
        this.clock = clock;
    }

    public XmlNode answer(FacilityPrincipal caller, Facility facility, XmlNode request) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CharacterCode cc = facility.settings().characterCode();
        MedicalInformationIntake.Outcome outcome = MedicalInformationIntake.check(request, KIND, facility.institutionCode(),
                YearMonth.from(now));
        if (outcome instanceof MedicalInformationIntake.Rejected rejected) {
            record(caller, rejected.arbitraryFileIdentifier(), Set.of(), "REJECTED " + rejected.violation().code().code());
            return refusal(facility, rejected.arbitraryFileIdentifier(), rejected.violation(), now, cc);
        }
        MedicalInformationRequest r = ((MedicalInformationIntake.Accepted) outcome).request();
        if (!facility.settings().eKarteSharing()) {
            record(caller, r.arbitraryFileIdentifier(), Set.of(), "REFUSED " + ErrorCode.CLINS_NOT_ENABLED.code());
            return refusal(facility, r.arbitraryFileIdentifier(), Violation.of(ErrorCode.CLINS_NOT_ENABLED, null), now, cc);
        }
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(r.insurerNumber(), r.insuranceCardSymbol(),
                r.insuredPersonIdentificationNumber(), r.branchNumber(), null).forEach(c -> persons.add(c.person().personId()));
        if (persons.size() != 1) {
            ErrorCode code = persons.isEmpty() ? ErrorCode.MEDICAL_INFORMATION_PERSON_NOT_FOUND
                    : ErrorCode.MEDICAL_INFORMATION_AMBIGUOUS;
            record(caller, r.arbitraryFileIdentifier(), persons, "REFUSED " + code.code());
            return refusal(facility, r.arbitraryFileIdentifier(), Violation.of(code, null), now, cc);
        }
        String personId = persons.iterator().next();
        Optional<ConsentGate.Refusal> refusal = ConsentGate.check(consents.latest(facility.institutionCode(), personId),
                List.of(ConsentCategory.CLINS), now);
        if (refusal.isPresent()) {
            record(caller, r.arbitraryFileIdentifier(), persons, refusal.get().auditOutcome());
            return refusal(facility, r.arbitraryFileIdentifier(), refusal.get().violation(), now, cc);
        }
        Person person = registry.person(personId).orElseThrow();
        ClinsInformation.View view = information.of(person, r.from(), r.to(), now.toLocalDate(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        record(caller, r.arbitraryFileIdentifier(), persons, "OK category=" + r.fileCategory() + " xml items="
                + view.items().size());
        return MedicalInformationResults.clinicalResult(r, person, view.items(), view.fhirBundleJson(), now, cc);
    }

    private static XmlNode refusal(Facility facility, String fileId, Violation v, LocalDateTime now, CharacterCode cc) {
        return MedicalInformationResults.error(facility.institutionCode(), fileId, v.code().code(), v.message(), now, cc);
    }

    private void record(FacilityPrincipal caller, String fileId, Set<String> persons, String outcome) {
        String file = fileId == null ? "-" : fileId.codePoints().limit(100).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
        audit.append(caller.institutionCode(), caller.actor(), MedicalInformationService.ACTION, "kind=" + KIND.prefix()
                + ";file=" + file + ";persons=" + String.join(",", persons), outcome);
    }
}
