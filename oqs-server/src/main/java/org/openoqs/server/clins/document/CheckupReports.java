package org.openoqs.server.clins.document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
import org.openoqs.core.error.Violation;
import org.openoqs.core.medical.MedicalInformationIntake;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.medical.MedicalInformationRequest;
import org.openoqs.core.medical.MedicalInformationResults;
import org.openoqs.core.registry.Person;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.medical.ConsentGate;
import org.openoqs.server.medical.MedicalInformationRefusedException;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Service;

/**
 * 健康診断結果報告書 viewed by another facility (docs/clins.md "健康診断結果報告書: viewing"): a check-up facility
 * registered them without a destination; any facility that switched 電子カルテ情報共有サービス on reads a patient's
 * reports still retained (5 years) while the patient's <b>特定健診情報</b> consent to it is in force — the consent of
 * the 特定健診情報 the reports sit next to ({@link ConsentCategory#CHECKUP}). Two ways in: the request file
 * {@code CIPsickr01req_} (openoqs's name; the layout of {@code TKKsiquc01req_}, the patient by insurance keys) and
 * the portal (the patient picked from the facility's list). Every view and refusal is audited like the other medical
 * information ({@value MedicalInformationService#ACTION}, {@code kind=CIPsickr01}).
 */
@Service
public class CheckupReports {

    /** The request file's prefix (openoqs's own name) and the audit's kind. */
    public static final String KIND = "CIPsickr01";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** One report as shown: the stored row and its Bundle (UTF-8 FHIR JSON as registered). */
    public record Report(DocumentStore.StoredDocument document, byte[] bundle) {

        public String bundleJson() {
            return new String(bundle, StandardCharsets.UTF_8);
        }
    }

    /** A patient's reports, newest first. */
    public record Shown(Person person, List<Report> reports) {
    }

    private final DocumentStore store;
    private final JdbcQualificationRegistry registry;
    private final ConsentService consents;
    private final AuditLog audit;
    private final Clock clock;

    public CheckupReports(DocumentStore store, JdbcQualificationRegistry registry, ConsentService consents,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.consents = consents;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * {@code CIPsickr01}: the keys and screening of {@code TKKsiquc01req_} ({@link MedicalInformationIntake}), then the
     * switch, the one person, the consent. Every refusal is a result with {@code ResultCode} 2.
     */
    public XmlNode answer(String actor, Facility facility, XmlNode request) {
        LocalDateTime now = now();
        CharacterCode cc = facility.settings().characterCode();
        MedicalInformationIntake.Outcome outcome = MedicalInformationIntake.check(request,
                MedicalInformationKind.HEALTH_CHECKUP, facility.institutionCode(), YearMonth.from(now));
        if (outcome instanceof MedicalInformationIntake.Rejected rejected) {
            fileAudit(facility, actor, rejected.arbitraryFileIdentifier(), "-", "REJECTED "
                    + rejected.violation().code().code());
            return error(facility, rejected.arbitraryFileIdentifier(), rejected.violation(), now, cc);
        }
        MedicalInformationRequest r = ((MedicalInformationIntake.Accepted) outcome).request();
        String fileId = r.arbitraryFileIdentifier();
        Optional<Refused> refused = fileCategory(r).or(() -> switchedOn(facility));
        Set<String> persons = Set.of();
        if (refused.isEmpty()) {
            persons = persons(r);
            refused = persons.size() == 1 ? consent(facility, persons.iterator().next(), now)
                    : Optional.of(Refused.of(Violation.of(persons.isEmpty() ? ErrorCode.MEDICAL_INFORMATION_PERSON_NOT_FOUND
                            : ErrorCode.MEDICAL_INFORMATION_AMBIGUOUS, null)));
        }
        String who = persons.isEmpty() ? "-" : String.join(",", persons);
        if (refused.isPresent()) {
            fileAudit(facility, actor, fileId, who, refused.get().outcome());
            return error(facility, fileId, refused.get().violation(), now, cc);
        }
        Person person = registry.person(persons.iterator().next()).orElseThrow();
        List<Report> reports = reports(person);
        fileAudit(facility, actor, fileId, who, "OK reports=" + reports.size());
        return result(facility, r, person, reports, now, cc);
    }

    /**
     * The portal: the patient's reports for a signed-in account. An unknown person id is answered as a patient without
     * the consent, so the screen cannot be used to probe who exists.
     *
     * @throws MedicalInformationRefusedException switch off (OQSP4001), no 特定健診情報 consent in force (OQSP5007)
     */
    public Shown view(AccountActor viewer, Facility facility, String personId) {
        String who = personId == null ? "-" : Violation.shown(personId);
        Optional<Person> person = personId == null || personId.length() > 32 ? Optional.empty()
                : registry.person(personId);
        Optional<Refused> refused = switchedOn(facility).or(() -> person.isEmpty()
                ? Optional.of(noConsent(new ConsentGate.Refusal(ConsentCategory.CHECKUP, null)))
                : consent(facility, person.get().personId(), now()));
        if (refused.isPresent()) {
            screenAudit(viewer, who, refused.get().outcome());
            throw new MedicalInformationRefusedException(refused.get().violation());
        }
        List<Report> reports = reports(person.get());
        screenAudit(viewer, who, "OK screen reports=" + reports.size());
        return new Shown(person.get(), reports);
    }

    private List<Report> reports(Person person) {
        return store.checkupsOf(person.personId(), now().toLocalDate()).stream()
                .map(d -> new Report(d, store.bundle(d.documentId()))).toList();
    }

    /** Why a view was refused, and the audit's outcome for it. */
    private record Refused(Violation violation, String outcome) {

        static Refused of(Violation v) {
            return new Refused(v, "REFUSED " + v.code().code());
        }
    }

    private static Optional<Refused> fileCategory(MedicalInformationRequest r) {
        return "2".equals(r.fileCategory()) ? Optional.empty() : Optional.of(Refused.of(new Violation(
                ErrorCode.CHECKUP_REPORT_FILE_CATEGORY, "FileCategory", "指定値: " + r.fileCategory())));
    }

    private static Optional<Refused> switchedOn(Facility facility) {
        return facility.settings().eKarteSharing() ? Optional.empty()
                : Optional.of(Refused.of(Violation.of(ErrorCode.CLINS_NOT_ENABLED, null)));
    }

    private Set<String> persons(MedicalInformationRequest r) {
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(r.insurerNumber(), r.insuranceCardSymbol(),
                r.insuredPersonIdentificationNumber(), r.branchNumber(), null)
                .forEach(c -> persons.add(c.person().personId()));
        return persons;
    }

    /** The patient's newest 特定健診情報 consent to this facility, in force now: the gate of 薬剤情報, its own code. */
    private Optional<Refused> consent(Facility facility, String personId, LocalDateTime now) {
        Map<ConsentCategory, ConsentRecord> given = consents.latest(facility.institutionCode(), personId);
        return ConsentGate.check(given, List.of(ConsentCategory.CHECKUP), now).map(CheckupReports::noConsent);
    }

    /** {@code OQSP5007} with the gate's detail (「特定健診情報の同意がありません」 or the lapsed period). */
    private static Refused noConsent(ConsentGate.Refusal gate) {
        return new Refused(new Violation(ErrorCode.CHECKUP_REPORT_CONSENT_MISSING, null, gate.violation().detail()),
                "REFUSED " + ErrorCode.CHECKUP_REPORT_CONSENT_MISSING.code() + " consent="
                        + ConsentCategory.CHECKUP.cliName() + (gate.lapsed() == null ? " none" : " expired"));
    }

    private XmlNode result(Facility facility, MedicalInformationRequest r, Person person, List<Report> reports,
            LocalDateTime now, CharacterCode cc) {
        XmlNode.Builder header = XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", now.format(STAMP))
                .leaf("MedicalInstitutionCode", facility.institutionCode())
                .leaf("ArbitraryFileIdentifier", r.arbitraryFileIdentifier())
                .leaf("SegmentOfResult", "1")
                .leaf("CharacterCodeIdentifier", cc.code())
                .leaf("FileCategory", r.fileCategory())
                .leaf("ResultCode", MedicalInformationResults.RESULT_OK);
        header.child("QuaInf", q -> q.leaf("Name", person.name()).leaf("KanaName", person.nameKana())
                .leaf("Birth", person.birthdate().format(DATE))
                .leaf("AdmGendCode", person.sex() == null ? "3" : person.sex().code()));
        XmlNode.Builder body = XmlNode.builder("MessageBody").leaf("ReportCount", Integer.toString(reports.size()));
        if (!reports.isEmpty()) {
            body.child("Reports", list -> reports.forEach(report -> list.child("Report", x -> {
                DocumentStore.StoredDocument d = report.document();
                x.leaf("DocumentIdentifier", d.identifier())
                        .leaf("DocumentKindName", d.kind().label())
                        .leaf("SenderInstitutionCode", d.institutionCode())
                        .leaf("RegisteredDateTime", DocumentService.tokyo(d.registeredAt()).format(STAMP))
                        .leaf("DocumentVersion", d.version())
                        .leaf("FhirBundle", report.bundleJson());
            })));
        }
        return XmlNode.element("XmlMsg", header.build(), body.build());
    }

    private static XmlNode error(Facility facility, String fileId, Violation v, LocalDateTime now, CharacterCode cc) {
        return MedicalInformationResults.error(facility.institutionCode(), fileId, v.code().code(), v.message(), now, cc);
    }

    private void fileAudit(Facility facility, String actor, String fileId, String persons, String outcome) {
        String file = fileId == null ? "-" : Violation.shown(fileId);
        audit.append(facility.institutionCode(), actor, MedicalInformationService.ACTION,
                "kind=" + KIND + ";file=" + file + ";persons=" + persons, outcome);
    }

    private void screenAudit(AccountActor viewer, String persons, String outcome) {
        audit.append(viewer.institutionCode(), viewer.accountId(), MedicalInformationService.ACTION,
                "kind=" + KIND + ";channel=web;persons=" + persons, outcome);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
