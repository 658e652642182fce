package org.openoqs.server.medical;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.Diagnosis;
import org.openoqs.core.medical.DispensingRecord;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.core.medical.HealthCheckup;
import org.openoqs.core.medical.MedicalHistory;
import org.openoqs.core.medical.Surgery;
import org.openoqs.core.registry.Person;
import org.openoqs.core.error.Violation;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.bulk.ConsentDirectory;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.pdf.PdfFontUnavailableException;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Medical information for the web portal's 医療情報閲覧 screens: the same consent rule and the same histories as the
 * request files ({@link MedicalInformationService}), asked for by a signed-in account about a patient picked from the
 * facility's list of consenting patients. Every view and every refusal is audited under
 * {@value MedicalInformationService#ACTION} with the account as actor and {@code channel=web}.
 */
@Service
public class MedicalInformationViewing {

    /** How many patients the list shows at most (newest consents first). */
    public static final int MAX_PATIENTS = 300;

    /** A patient with at least one viewing consent to the facility in force. */
    public record ConsentedPatient(Person person, Map<ConsentCategory, ConsentRecord> consents,
                                   LocalDateTime latestConsent) {

        public boolean mayView(ConsentCategory category, LocalDateTime now) {
            ConsentRecord r = consents.get(category);
            return r != null && r.isAvailableAt(now);
        }

        boolean mayViewAnything(LocalDateTime now) {
            return Arrays.stream(ConsentCategory.values()).filter(ConsentCategory::isViewing)
                    .anyMatch(c -> mayView(c, now));
        }
    }

    public record DrugInformation(ConsentedPatient patient, DrugHistoryPeriod period,
                                  List<DispensingRecord> dispensings) {
    }

    public record CheckupInformation(ConsentedPatient patient, List<HealthCheckup> checkups) {
    }

    /** {@code surgeries} is empty when not allowed; {@code surgeriesAllowed} tells which. */
    public record ClinicalInformation(ConsentedPatient patient, List<Diagnosis> diagnoses, List<Surgery> surgeries,
                                      boolean surgeriesAllowed) {
    }

    private final JdbcClient jdbc;
    private final ConsentService consents;
    private final ConsentDirectory directory;
    private final JdbcQualificationRegistry registry;
    private final MedicalHistories histories;
    private final AuditLog audit;
    private final Clock clock;
    private final MedicalInformationPdf pdf;

    public MedicalInformationViewing(JdbcClient jdbc, ConsentService consents, ConsentDirectory directory,
            JdbcQualificationRegistry registry, MedicalHistories histories, AuditLog audit, MedicalInformationPdf pdf,
            Clock clock) {
        this.pdf = pdf;
        this.jdbc = jdbc;
        this.consents = consents;
        this.directory = directory;
        this.registry = registry;
        this.histories = histories;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The facility's patients whose newest consent of some viewing category is in force now, newest consent first,
     * at most {@value #MAX_PATIENTS}.
     */
    public List<ConsentedPatient> patients(String institutionCode) {
        LocalDateTime now = now();
        OffsetDateTime nowUtc = now.atZone(ServerConfig.TOKYO).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        // candidates: anyone with a viewing row still running; the newest-row rule below decides
        List<String> candidates = jdbc.sql("select person_id, max(consent_time) as latest from consent_record "
                        + "where institution_code = ? and available_until > ? and category <> ? "
                        + "group by person_id order by latest desc fetch first " + (MAX_PATIENTS * 2) + " rows only")
                .params(institutionCode, nowUtc, ConsentCategory.LIMIT.name())
                .query((rs, row) -> rs.getString("person_id").strip()).list();
        // twice the cap: a candidate whose newest row of each category lapsed drops out below
        Map<String, Map<ConsentCategory, ConsentRecord>> latest = directory.latestConsents(institutionCode, candidates);
        List<ConsentedPatient> out = new ArrayList<>();
        for (String personId : candidates) {
            Map<ConsentCategory, ConsentRecord> given = latest.getOrDefault(personId, Map.of());
            if (out.size() == MAX_PATIENTS || given.isEmpty()) {
                continue;
            }
            registry.person(personId).map(p -> patientOf(p, given)).filter(p -> p.mayViewAnything(now))
                    .ifPresent(out::add);
        }
        out.sort(Comparator.comparing(ConsentedPatient::latestConsent).reversed());
        return out;
    }

    /** One patient of the list; refused (and audited) unless some viewing consent is in force. */
    public ConsentedPatient patient(AccountActor viewer, String personId) {
        ConsentedPatient patient = find(viewer, personId, null);
        if (!patient.mayViewAnything(now())) {
            refuse(viewer, personId, "ANY", ConsentGate.Refusal.noViewingConsent());
        }
        return patient;
    }

    public DrugInformation drugs(AccountActor viewer, String personId, DrugHistoryPeriod period) {
        ConsentedPatient patient = consented(viewer, personId, ConsentCategory.DRUG);
        List<DispensingRecord> dispensings = history(patient).dispensingsBetween(period.from(), period.to());
        viewed(viewer, personId, ConsentCategory.DRUG, "screen");
        return new DrugInformation(patient, period, dispensings);
    }

    public CheckupInformation checkups(AccountActor viewer, String personId) {
        ConsentedPatient patient = consented(viewer, personId, ConsentCategory.CHECKUP);
        List<HealthCheckup> checkups = history(patient).checkups();
        viewed(viewer, personId, ConsentCategory.CHECKUP, "screen");
        return new CheckupInformation(patient, checkups);
    }

    public ClinicalInformation clinical(AccountActor viewer, Facility facility, String personId) {
        ConsentedPatient patient = consented(viewer, personId, ConsentCategory.DIAGNOSIS);
        MedicalHistory history = history(patient);
        boolean surgeries = ConsentGate.surgeriesAllowed(facility.settings().operationInfo(), patient.consents(), now());
        viewed(viewer, personId, ConsentCategory.DIAGNOSIS, surgeries ? "screen surgeries" : "screen");
        return new ClinicalInformation(patient, history.diagnoses(), surgeries ? history.surgeries() : List.of(),
                surgeries);
    }

    /** 薬剤情報 of the period as the PDF a {@code YZKsiquc01} file category 1 gives. */
    public byte[] drugsPdf(AccountActor viewer, String personId, DrugHistoryPeriod period) {
        ConsentedPatient patient = consented(viewer, personId, ConsentCategory.DRUG);
        MedicalInformationPdf renderer = pdfRenderer(viewer, personId, ConsentCategory.DRUG);
        byte[] bytes = renderer.drugInformation(period, patient.person(),
                history(patient).dispensingsBetween(period.from(), period.to()), null, null, now());
        viewed(viewer, personId, ConsentCategory.DRUG, "pdf");
        return bytes;
    }

    /** 特定健診情報 as the PDF a {@code TKKsiquc01} file category 1 gives. */
    public byte[] checkupsPdf(AccountActor viewer, String personId) {
        ConsentedPatient patient = consented(viewer, personId, ConsentCategory.CHECKUP);
        MedicalInformationPdf renderer = pdfRenderer(viewer, personId, ConsentCategory.CHECKUP);
        byte[] bytes = renderer.healthCheckups(patient.person(), history(patient).checkups(), now());
        viewed(viewer, personId, ConsentCategory.CHECKUP, "pdf");
        return bytes;
    }

    private ConsentedPatient consented(AccountActor viewer, String personId, ConsentCategory category) {
        ConsentedPatient patient = find(viewer, personId, category);
        ConsentGate.check(patient.consents(), List.of(category), now())
                .ifPresent(refusal -> refuse(viewer, personId, category.kindCode(), refusal));
        return patient;
    }

    /**
     * The patient with their consents to the viewer's facility. A person the registry does not know gets the same
     * answer as one without consent to {@code asked} (any viewing consent when {@code null}), so the screens cannot be
     * used to probe who exists.
     */
    private ConsentedPatient find(AccountActor viewer, String personId, ConsentCategory asked) {
        Optional<Person> person = personId == null || personId.length() > 32 ? Optional.empty()
                : registry.person(personId);
        if (person.isEmpty()) {
            refuse(viewer, personId, asked == null ? "ANY" : asked.kindCode(),
                    asked == null ? ConsentGate.Refusal.noViewingConsent() : new ConsentGate.Refusal(asked, null));
        }
        return patientOf(person.orElseThrow(), consents.latest(viewer.institutionCode(), person.get().personId()));
    }

    private static ConsentedPatient patientOf(Person person, Map<ConsentCategory, ConsentRecord> given) {
        LocalDateTime latest = given.values().stream().filter(r -> r.category().isViewing())
                .map(ConsentRecord::consentTime).max(Comparator.naturalOrder()).orElse(LocalDateTime.MIN);
        return new ConsentedPatient(person, Map.copyOf(given), latest);
    }

    private MedicalInformationPdf pdfRenderer(AccountActor viewer, String personId, ConsentCategory category) {
        if (pdf.available()) {
            return pdf;
        }
        // not a refusal of this viewer: the service's font setting is broken (503, docs/medical-information.md)
        record(viewer, personId, category.kindCode(), "FAILED " + ErrorCode.PDF_FONT_UNUSABLE.code());
        throw new PdfFontUnavailableException(pdf.font());
    }

    private MedicalHistory history(ConsentedPatient patient) {
        return histories.of(patient.person());
    }

    private void refuse(AccountActor viewer, String personId, String kind, ConsentGate.Refusal refusal) {
        record(viewer, personId, kind, refusal.auditOutcome());
        throw new MedicalInformationRefusedException(refusal.violation());
    }

    private void viewed(AccountActor viewer, String personId, ConsentCategory category, String form) {
        record(viewer, personId, category.kindCode(), "OK " + form);
    }

    private void record(AccountActor viewer, String personId, String kind, String outcome) {
        audit.append(viewer.institutionCode(), viewer.accountId(), MedicalInformationService.ACTION,
                "kind=" + kind + ";channel=web;persons=" + (personId == null ? "-" : Violation.shown(personId)),
                outcome);
    }
}
