package org.openoqs.server.bulk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.error.Violation;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.stereotype.Component;

/**
 * 一括照会 ({@code OQSmuquc}): each entry is a number inquiry, screened by the same rules as a single one
 * ({@link InquiryValidator#validateSearchInfo}) and answered by the same eligibility rules, on the job's
 * {@code QualificationConfirmationDate} and the facility's current settings. A bad entry gets a per-entry error unit.
 *
 * <p>照会番号 are looked up once per chunk: the entries are answered first, remembering whose records they carry;
 * only entries whose persons have a 照会番号 are answered again with it.
 */
@Component
class QualificationAnswerer implements UnitAnswerer {

    private final JdbcQualificationRegistry registry;
    private final ReferenceNumberDirectory referenceNumbers;

    QualificationAnswerer(JdbcQualificationRegistry registry, ReferenceNumberDirectory referenceNumbers) {
        this.registry = registry;
        this.referenceNumbers = referenceNumbers;
    }

    @Override
    public boolean serves(BulkKind kind) {
        return kind == BulkKind.QUALIFICATION;
    }

    @Override
    public List<AnsweredUnit> answer(BulkJobStore.Job job, Facility facility, List<BulkJobStore.Entry> entries,
                                     LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        boolean medicalAssistance = facility.settings().medicalAssistance();
        EligibilityService eligibility = medicalAssistance
                ? new EligibilityService(registry).withMedicalTicketsFor(facility.institutionCode())
                : new EligibilityService(registry);
        Map<Integer, QualificationConfirmSearchInfo> accepted = new HashMap<>();
        Map<Integer, List<String>> personsOf = new HashMap<>();
        List<AnsweredUnit> first = UnitAnswerer.eachEntry(entries, entry -> {
            QualificationConfirmSearchInfo info = QualificationMessages.readSearchInfo(EntryXml.load(entry.requestXml()));
            Optional<Violation> violation = InquiryValidator.validateSearchInfo(info, today);
            if (violation.isPresent()) {
                return error(entry.seq(), info, violation.get().code(), violation.get().message());
            }
            List<String> persons = new ArrayList<>();
            QualificationResultBody body = eligibility.answerWithReferenceNumbers(info, job.confirmationDate(),
                    medicalAssistance, personId -> {
                        persons.add(personId);
                        return null;
                    }, now);
            accepted.put(entry.seq(), info);
            personsOf.put(entry.seq(), persons);
            return unit(entry.seq(), info, body, persons);
        }, entry -> failed(entry));

        Set<String> everyone = new LinkedHashSet<>();
        personsOf.values().forEach(everyone::addAll);
        Map<String, String> references = everyone.isEmpty() ? Map.of()
                : referenceNumbers.referenceNumbers(facility.institutionCode(), everyone);
        if (references.isEmpty()) {
            return first;
        }
        List<AnsweredUnit> out = new ArrayList<>(first.size());
        for (AnsweredUnit unit : first) {
            List<String> persons = personsOf.get(unit.seq());
            if (persons == null || persons.stream().noneMatch(references::containsKey)) {
                out.add(unit);
                continue;
            }
            QualificationConfirmSearchInfo info = accepted.get(unit.seq());
            QualificationResultBody body = eligibility.answerWithReferenceNumbers(info, job.confirmationDate(),
                    medicalAssistance, references::get, now);
            out.add(unit(unit.seq(), info, body, persons));
        }
        return out;
    }

    private static AnsweredUnit unit(int seq, QualificationConfirmSearchInfo info, QualificationResultBody body,
                                     List<String> persons) {
        List<ResultOfQualificationConfirmation> records = new ArrayList<>();
        Set<String> references = new LinkedHashSet<>();
        for (ResultOfQualificationConfirmation r : body.results()) {
            records.add(r);
            if (r.referenceNumber() != null) {
                references.add(r.referenceNumber());
            }
        }
        BulkConfirmUnit unit = new BulkConfirmUnit(info, body.processingResultStatus(), body.processingResultCode(),
                body.processingResultMessage(), body.qualificationValidity(), records, List.copyOf(references));
        return new AnsweredUnit(seq, body.processingResultStatus(), body.processingResultCode(),
                BulkMessages.unitToXml(unit), new LinkedHashSet<>(persons));
    }

    private static AnsweredUnit error(int seq, QualificationConfirmSearchInfo echo, ErrorCode code, String message) {
        BulkConfirmUnit unit = new BulkConfirmUnit(echo, ProcessingResultStatus.ERROR, code.code(), message, null,
                List.of(), List.of());
        return new AnsweredUnit(seq, ProcessingResultStatus.ERROR, code.code(), BulkMessages.unitToXml(unit), Set.of());
    }

    private static AnsweredUnit failed(BulkJobStore.Entry entry) {
        QualificationConfirmSearchInfo echo;
        try {
            echo = QualificationMessages.readSearchInfo(EntryXml.load(entry.requestXml()));
        } catch (RuntimeException unreadable) {
            echo = null;
        }
        return error(entry.seq(), echo, ErrorCode.BULK_ENTRY_FAILED, ErrorCode.BULK_ENTRY_FAILED.message());
    }
}
