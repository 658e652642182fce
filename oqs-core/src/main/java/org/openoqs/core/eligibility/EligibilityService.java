package org.openoqs.core.eligibility;

import org.openoqs.core.error.ErrorCode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.core.registry.InsuranceIdentifiers;
import org.openoqs.core.registry.Person;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.registry.QualificationRegistry;

/**
 * The eligibility rules of a qualification confirmation (docs/eligibility.md): which registry records a request
 * matches and which {@code QualificationValidity} and result records it answers. Stateless and thread-safe; no
 * clock inside — the caller passes the confirmation date and "now".
 */
public final class EligibilityService {

    /**
     * Person-level error code when a facility that has not opted into 医療扶助 asks about a 医療扶助 recipient.
     * The project-wide catalogue of error codes (ErrorCode) is owned elsewhere; this string is its value there.
     */
    public static final String MEDICAL_ASSISTANCE_NOT_ENABLED_CODE = ErrorCode.MEDICAL_ASSISTANCE_NOT_ENABLED.code();
    /** Message of {@link #MEDICAL_ASSISTANCE_NOT_ENABLED_CODE}. */
    public static final String MEDICAL_ASSISTANCE_NOT_ENABLED_MESSAGE = ErrorCode.MEDICAL_ASSISTANCE_NOT_ENABLED.message();

    /** A registry record that matched a request, with its person. */
    public record Candidate(Person person, Qualification qualification) {
    }

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing((Candidate c) -> c.person().personId())
            .thenComparing(c -> c.qualification().qualificationDate())
            .thenComparing(c -> c.qualification().qualificationId());

    private final QualificationRegistry registry;
    private final MedicalTickets tickets;

    public EligibilityService(QualificationRegistry registry) {
        this(registry, null);
    }

    private EligibilityService(QualificationRegistry registry, MedicalTickets tickets) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tickets = tickets;
    }

    /**
     * This service answering for a facility that opted into 医療扶助: its 医療扶助 records carry the 医療券・調剤券 that
     * cover the confirmation date ({@code PublicExpenseResultList}, docs/eligibility.md). Without this the records
     * carry none (a facility with 医療扶助 off never gets a 医療扶助 record anyway).
     */
    public EligibilityService withMedicalTicketsFor(String institutionCode) {
        return new EligibilityService(registry, new MedicalTickets(institutionCode));
    }

    /**
     * Answers a number inquiry ({@code OQSsiquc01req_}).
     *
     * @param validatedSearchInfo the request's search block, already validated; echoed verbatim
     * @param confirmationDate {@code QualificationConfirmationDate}
     * @param medicalAssistanceEnabled the facility has opted into 医療扶助
     * @param referenceNumberOrNull the facility's 照会番号 to put in every result record (nullable)
     * @param now confirmation time ({@code …ConsTime})
     */
    public QualificationResultBody answer(QualificationConfirmSearchInfo validatedSearchInfo, LocalDate confirmationDate,
            boolean medicalAssistanceEnabled, String referenceNumberOrNull, LocalDateTime now) {
        return answerWithReferenceNumbers(validatedSearchInfo, confirmationDate, medicalAssistanceEnabled,
                personId -> referenceNumberOrNull, now);
    }

    /**
     * Like {@link #answer(QualificationConfirmSearchInfo, LocalDate, boolean, String, LocalDateTime)} but looks the
     * 照会番号 up per matched person ({@code personId → referenceNumber or null}), for callers that keep 照会番号 per
     * facility and person and do not know the person before matching.
     */
    public QualificationResultBody answerWithReferenceNumbers(QualificationConfirmSearchInfo validatedSearchInfo,
            LocalDate confirmationDate, boolean medicalAssistanceEnabled, Function<String, String> referenceNumbers,
            LocalDateTime now) {
        Objects.requireNonNull(validatedSearchInfo, "validatedSearchInfo");
        Objects.requireNonNull(confirmationDate, "confirmationDate");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(referenceNumbers, "referenceNumbers");
        QualificationConfirmSearchInfo info = validatedSearchInfo;
        boolean consent = "1".equals(normalizeText(info.limitApplicationCertificateRelatedConsFlg()));
        String arbitrary = info.arbitraryIdentifier();

        Optional<InsurerNumber> insurer = parseInsurer(info.insurerNumber());
        if (insurer.isPresent() && insurer.get().isPublicAssistance() && !medicalAssistanceEnabled) {
            return error(info, MEDICAL_ASSISTANCE_NOT_ENABLED_CODE, MEDICAL_ASSISTANCE_NOT_ENABLED_MESSAGE);
        }
        Optional<LocalDate> birthdate = parseDate(info.birthdate());
        if (insurer.isEmpty() || birthdate.isEmpty()) {
            return body(info, QualificationValidity.NOT_FOUND, List.of());
        }
        List<Candidate> candidates = candidates(insurer.get(), info.insuredCardSymbol(), info.insuredIdentificationNumber(),
                info.insuredBranchNumber(), birthdate.get());
        if (candidates.isEmpty()) {
            return body(info, QualificationValidity.NOT_FOUND, List.of());
        }

        Set<String> people = new LinkedHashSet<>();
        candidates.forEach(c -> people.add(c.person().personId()));
        if (people.size() > 1) {
            List<ResultOfQualificationConfirmation> records = new ArrayList<>();
            for (Candidate c : candidates) {
                records.add(record(c.person(), c.qualification(), confirmationDate, consent, now, arbitrary, referenceNumbers));
            }
            return body(info, QualificationValidity.MULTIPLE_MATCHES, records);
        }

        Person person = candidates.get(0).person();
        Qualification valid = null;
        Qualification lost = null;
        for (Candidate c : candidates) {
            Qualification q = c.qualification();
            if (q.isValidOn(confirmationDate)) {
                if (valid == null || q.qualificationDate().isAfter(valid.qualificationDate())) {
                    valid = q;
                }
            } else if (q.isLostBy(confirmationDate)) {
                if (lost == null || q.disqualificationDate().isAfter(lost.disqualificationDate())) {
                    lost = q;
                }
            }
        }
        if (valid != null) {
            QualificationValidity validity = valid.isMedicalAssistance() && !valid.hasMedicalTicketFor(confirmationDate)
                    ? QualificationValidity.VALID_UNREGISTERED : QualificationValidity.VALID;
            return body(info, validity,
                    List.of(record(person, valid, confirmationDate, consent, now, arbitrary, referenceNumbers)));
        }
        if (lost == null) { // every matching qualification starts after the confirmation date
            return body(info, QualificationValidity.NOT_FOUND, List.of());
        }
        Qualification newer = null;
        for (Qualification q : registry.qualificationsOf(person.personId())) {
            if (q.isValidOn(confirmationDate) && !q.qualificationId().equals(lost.qualificationId())
                    && (medicalAssistanceEnabled || !q.isMedicalAssistance())
                    && (newer == null || q.qualificationDate().isAfter(newer.qualificationDate()))) {
                newer = q;
            }
        }
        ResultOfQualificationConfirmation lostRecord = record(person, lost, confirmationDate, consent, now, arbitrary,
                referenceNumbers);
        if (newer == null) {
            return body(info, QualificationValidity.INVALID, List.of(lostRecord));
        }
        return body(info, QualificationValidity.INVALID_NEWER_EXISTS, List.of(lostRecord,
                record(person, newer, confirmationDate, consent, now, arbitrary, referenceNumbers)));
    }

    /**
     * Answers for an already identified person (My Number Card / face result, {@code ReferenceClassification} 1): the
     * qualification in force on the date (1, or 6 for 医療扶助 without 医療券), else the most recently lost one (2),
     * else 4. No search block is echoed.
     *
     * @param limitConsent the patient's 限度額 consent given on the card reader
     */
    public QualificationResultBody answerForPerson(String personId, LocalDate confirmationDate,
            boolean medicalAssistanceEnabled, boolean limitConsent, String referenceNumberOrNull, LocalDateTime now) {
        Objects.requireNonNull(confirmationDate, "confirmationDate");
        Objects.requireNonNull(now, "now");
        Optional<Person> person = personId == null ? Optional.empty() : registry.person(personId);
        if (person.isEmpty()) {
            return body(null, QualificationValidity.NOT_FOUND, List.of());
        }
        Function<String, String> refs = id -> referenceNumberOrNull;
        Qualification valid = null;
        Qualification validAssistance = null;
        Qualification lost = null;
        for (Qualification q : registry.qualificationsOf(personId)) {
            if (q.isValidOn(confirmationDate)) {
                if (q.isMedicalAssistance()) {
                    validAssistance = later(validAssistance, q);
                } else {
                    valid = later(valid, q);
                }
            } else if (q.isLostBy(confirmationDate)
                    && (lost == null || q.disqualificationDate().isAfter(lost.disqualificationDate()))) {
                lost = q;
            }
        }
        Person p = person.get();
        if (valid != null) {
            return body(null, QualificationValidity.VALID,
                    List.of(record(p, valid, confirmationDate, limitConsent, now, null, refs)));
        }
        if (validAssistance != null) {
            if (!medicalAssistanceEnabled) {
                return error(null, MEDICAL_ASSISTANCE_NOT_ENABLED_CODE, MEDICAL_ASSISTANCE_NOT_ENABLED_MESSAGE);
            }
            QualificationValidity validity = validAssistance.hasMedicalTicketFor(confirmationDate)
                    ? QualificationValidity.VALID : QualificationValidity.VALID_UNREGISTERED;
            return body(null, validity,
                    List.of(record(p, validAssistance, confirmationDate, limitConsent, now, null, refs)));
        }
        if (lost != null) {
            return body(null, QualificationValidity.INVALID,
                    List.of(record(p, lost, confirmationDate, limitConsent, now, null, refs)));
        }
        return body(null, QualificationValidity.NOT_FOUND, List.of());
    }

    /**
     * Registry records matching the numbers (docs/eligibility.md, "Matching"): same insurer, same normalised 番号,
     * same 記号 and 枝番 when both the request and the record have one, and — when {@code birthdateOrNull} is given —
     * the person's birthdate. Sorted by person id, then qualification date. Also serves 照会番号 registration, which
     * carries no birthdate.
     */
    public List<Candidate> candidates(InsurerNumber insurer, String symbol, String number, String branch,
            LocalDate birthdateOrNull) {
        String wantedNumber = InsuranceIdentifiers.normalize(number);
        if (wantedNumber.isEmpty()) {
            return List.of();
        }
        String wantedSymbol = InsuranceIdentifiers.normalize(symbol);
        String wantedBranch = InsuranceIdentifiers.normalizeBranch(branch);
        List<Candidate> out = new ArrayList<>();
        for (Qualification q : registry.findByNumbers(insurer, wantedNumber)) {
            if (!q.insurerNumber().equals(insurer)
                    || !InsuranceIdentifiers.normalize(q.insuredIdentificationNumber()).equals(wantedNumber)) {
                continue; // defensive: the registry contract already guarantees these
            }
            String recordSymbol = InsuranceIdentifiers.normalize(q.insuredCardSymbol());
            if (!wantedSymbol.isEmpty() && !recordSymbol.isEmpty() && !wantedSymbol.equals(recordSymbol)) {
                continue;
            }
            String recordBranch = InsuranceIdentifiers.normalizeBranch(q.insuredBranchNumber());
            if (!wantedBranch.isEmpty() && !recordBranch.isEmpty() && !wantedBranch.equals(recordBranch)) {
                continue;
            }
            Optional<Person> person = registry.person(q.personId());
            if (person.isEmpty() || (birthdateOrNull != null && !person.get().birthdate().equals(birthdateOrNull))) {
                continue;
            }
            out.add(new Candidate(person.get(), q));
        }
        out.sort(ORDER);
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static Qualification later(Qualification current, Qualification q) {
        return current == null || q.qualificationDate().isAfter(current.qualificationDate()) ? q : current;
    }

    private ResultOfQualificationConfirmation record(Person person, Qualification q, LocalDate date, boolean consent,
            LocalDateTime now, String arbitrary, Function<String, String> referenceNumbers) {
        ResultOfQualificationConfirmation r = QualificationRecords.toResult(person, q, date, consent, now, arbitrary,
                referenceNumbers.apply(person.personId()));
        if (tickets == null || !q.isMedicalAssistance()) {
            return r;
        }
        return r.toBuilder().medicalTickets(tickets.onDate(q, date)).build();
    }

    private static QualificationResultBody body(QualificationConfirmSearchInfo echo, QualificationValidity validity,
            List<ResultOfQualificationConfirmation> records) {
        return new QualificationResultBody(echo, ProcessingResultStatus.COMPLETED, null, null, validity, null, records);
    }

    private static QualificationResultBody error(QualificationConfirmSearchInfo echo, String code, String message) {
        return new QualificationResultBody(echo, ProcessingResultStatus.ERROR, code, message, null, null, List.of());
    }

    private static String normalizeText(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }

    static Optional<InsurerNumber> parseInsurer(String text) {
        String t = normalizeText(text);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.length() == 8 && t.startsWith("00") && t.substring(2).chars().allMatch(c -> c >= '0' && c <= '9')) {
            t = t.substring(2); // 法別 00 does not exist: a zero-padded 6-digit 国保 number (Web-API style)
        }
        try {
            return Optional.of(InsurerNumber.parse(t));
        } catch (InvalidNumberException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> parseDate(String text) {
        String t = normalizeText(text);
        if (t.length() != 8) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
