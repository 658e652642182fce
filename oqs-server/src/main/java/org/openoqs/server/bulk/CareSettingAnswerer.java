package org.openoqs.server.bulk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentResults;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.eligibility.MedicalTickets;
import org.openoqs.core.eligibility.QualificationRecords;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Component;

/**
 * The care-setting flows: one unit per selected person (docs/bulk.md).
 *
 * <ul>
 *   <li>医療扶助 ({@code OQSmutic}): the person's 医療扶助 qualification as of the 診療年月 (today in the current month,
 *       the month's last day for a past month): validity 1 with the month's 医療券・調剤券 that name this facility or
 *       no facility, 6 (有効（未登録）) when there is none, 2 when the qualification ended before.</li>
 *   <li>訪問診療等 / オンライン診療等: the person's qualification today, as for a card confirmation, with the consents
 *       in force at this facility (the newest per category; a 訪問/オンライン consent that ran out reads 2,
 *       同意有効期限切れ).</li>
 * </ul>
 */
@Component
class CareSettingAnswerer implements UnitAnswerer {

    private final JdbcQualificationRegistry registry;
    private final ReferenceNumberDirectory referenceNumbers;
    private final ConsentDirectory consents;

    CareSettingAnswerer(JdbcQualificationRegistry registry, ReferenceNumberDirectory referenceNumbers,
                        ConsentDirectory consents) {
        this.registry = registry;
        this.referenceNumbers = referenceNumbers;
        this.consents = consents;
    }

    @Override
    public boolean serves(BulkKind kind) {
        return kind.isCareSetting();
    }

    @Override
    public List<AnsweredUnit> answer(BulkJobStore.Job job, Facility facility, List<BulkJobStore.Entry> entries,
                                     LocalDateTime now) {
        List<String> persons = entries.stream().map(BulkJobStore.Entry::subjectPersonId).toList();
        Map<String, String> references = referenceNumbers.referenceNumbers(facility.institutionCode(), persons);
        if (job.kind() == BulkKind.MEDICAL_ASSISTANCE) {
            YearMonth month = ((CareSettingCriteria.TreatmentMonth) CareSettingCriteria.parseCanonical(job.criteria())).month();
            return UnitAnswerer.eachEntry(entries,
                    e -> medicalAssistance(e, facility, month, now, references.get(e.subjectPersonId())), this::failed);
        }
        Map<String, Map<ConsentCategory, ConsentRecord>> given =
                consents.latestConsents(facility.institutionCode(), persons);
        EligibilityService eligibility = new EligibilityService(registry);
        return UnitAnswerer.eachEntry(entries, e -> careSetting(e, facility, eligibility,
                given.getOrDefault(e.subjectPersonId(), Map.of()), now, references.get(e.subjectPersonId())),
                this::failed);
    }

    private AnsweredUnit careSetting(BulkJobStore.Entry entry, Facility facility, EligibilityService eligibility,
                                     Map<ConsentCategory, ConsentRecord> given, LocalDateTime now, String reference) {
        boolean limitConsent = ConsentRules.statusAt(given.get(ConsentCategory.LIMIT), now) == ConsentStatus.CONSENTED;
        QualificationResultBody body = eligibility.answerForPerson(entry.subjectPersonId(), now.toLocalDate(),
                facility.settings().medicalAssistance(), limitConsent, reference, now);
        body = ConsentResults.apply(body, given, now, facility.settings().operationInfo(),
                facility.settings().eKarteSharing());
        List<ResultOfQualificationConfirmation> records = body.results();
        BulkConfirmUnit unit = new BulkConfirmUnit(null, body.processingResultStatus(), body.processingResultCode(),
                body.processingResultMessage(), body.qualificationValidity(), records,
                reference == null ? List.of() : List.of(reference));
        return new AnsweredUnit(entry.seq(), body.processingResultStatus(), body.processingResultCode(),
                BulkMessages.unitToXml(unit), records.isEmpty() ? Set.of() : Set.of(entry.subjectPersonId()));
    }

    private AnsweredUnit medicalAssistance(BulkJobStore.Entry entry, Facility facility, YearMonth month,
                                           LocalDateTime now, String reference) {
        String personId = entry.subjectPersonId();
        LocalDate date = month.equals(YearMonth.from(now)) ? now.toLocalDate() : month.atEndOfMonth();
        Optional<Person> person = registry.person(personId);
        Qualification valid = null;
        Qualification lost = null;
        for (Qualification q : registry.qualificationsOf(personId)) {
            if (!q.isMedicalAssistance()) {
                continue;
            }
            if (q.isValidOn(date) && (valid == null || q.qualificationDate().isAfter(valid.qualificationDate()))) {
                valid = q;
            } else if (q.isLostBy(date) && (lost == null || q.disqualificationDate().isAfter(lost.disqualificationDate()))) {
                lost = q;
            }
        }
        Qualification shown = valid != null ? valid : lost;
        if (person.isEmpty() || shown == null) { // the selection saw a recipient in the month: nothing is left of it now
            BulkConfirmUnit unit = new BulkConfirmUnit(null, ProcessingResultStatus.COMPLETED, null, null,
                    QualificationValidity.NOT_FOUND, List.of(), reference == null ? List.of() : List.of(reference));
            return new AnsweredUnit(entry.seq(), ProcessingResultStatus.COMPLETED, null, BulkMessages.unitToXml(unit),
                    Set.of());
        }
        MedicalTickets view = new MedicalTickets(facility.institutionCode());
        List<MedicalTicketInfo> tickets = new ArrayList<>();
        for (MedicalTicket t : shown.medicalTickets()) {
            if (t.medicalTreatmentMonth().equals(month) && view.isForThisFacility(t)) {
                tickets.add(view.toInfo(t));
            }
        }
        QualificationValidity validity = valid == null ? QualificationValidity.INVALID
                : tickets.isEmpty() ? QualificationValidity.VALID_UNREGISTERED : QualificationValidity.VALID;
        ResultOfQualificationConfirmation record = QualificationRecords.toResult(person.get(), shown, date, false, now,
                null, reference).toBuilder().medicalTickets(tickets).build();
        BulkConfirmUnit unit = new BulkConfirmUnit(null, ProcessingResultStatus.COMPLETED, null, null, validity,
                List.of(record), reference == null ? List.of() : List.of(reference));
        return new AnsweredUnit(entry.seq(), ProcessingResultStatus.COMPLETED, null, BulkMessages.unitToXml(unit),
                Set.of(personId));
    }

    private AnsweredUnit failed(BulkJobStore.Entry entry) {
        BulkConfirmUnit unit = new BulkConfirmUnit(null, ProcessingResultStatus.ERROR, ErrorCode.BULK_ENTRY_FAILED.code(),
                ErrorCode.BULK_ENTRY_FAILED.message(), null, List.of(), List.of());
        return new AnsweredUnit(entry.seq(), ProcessingResultStatus.ERROR, ErrorCode.BULK_ENTRY_FAILED.code(),
                BulkMessages.unitToXml(unit), Set.of());
    }
}
