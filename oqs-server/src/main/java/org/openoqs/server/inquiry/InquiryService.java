package org.openoqs.server.inquiry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.core.consent.ConsentResults;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.reference.ReferenceNumberService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;

/**
 * 資格確認 個別照会 on the central service: screen the request (structure, header, search block), answer it from
 * the registry, and audit it — always on behalf of the facility named by the client certificate.
 */
@Service
public class InquiryService {

    public static final String ACTION = "QUALIFICATION_INQUIRY";

    private final JdbcQualificationRegistry registry;
    private final AuditLog audit;
    private final Clock clock;
    private final ReferenceNumberService referenceNumbers;
    private final ConsentService consents;
    private final org.openoqs.server.subsidy.MedicalSubsidyResults subsidies;

    public InquiryService(JdbcQualificationRegistry registry, AuditLog audit, Clock clock,
            ReferenceNumberService referenceNumbers, ConsentService consents,
            org.openoqs.server.subsidy.MedicalSubsidyResults subsidies) {
        this.subsidies = subsidies;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
        this.referenceNumbers = referenceNumbers;
        this.consents = consents;
    }

    /**
     * Answers one request tree.
     *
     * @throws InstitutionMismatchException when the request names another facility than the certificate (audited)
     */
    public QualificationInquiryResult inquire(FacilityPrincipal caller, Facility facility, XmlNode request) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.toLocalDate();
        CharacterCode characterCode = facility.settings().characterCode();
        InquiryIntake.Outcome outcome = InquiryIntake.check(request, facility.institutionCode(), today);

        if (outcome instanceof InquiryIntake.FileRejected rejected) {
            String fileId = rejected.header().arbitraryFileIdentifier();
            if (rejected.violation().code() == ErrorCode.INSTITUTION_MISMATCH) {
                record(caller, subject(fileId, null, null), "REFUSED " + ErrorCode.INSTITUTION_MISMATCH.code()
                        + " requested=" + safe(rejected.header().medicalInstitutionCode(), 20));
                throw new InstitutionMismatchException(rejected.violation());
            }
            record(caller, subject(fileId, null, null), "FILE_ERROR " + rejected.violation().code().code());
            return outcome.errorResult(facility.institutionCode(), now, characterCode).orElseThrow();
        }
        if (outcome instanceof InquiryIntake.PersonRejected rejected) {
            QualificationInquiryRequest r = rejected.request();
            record(caller, subject(r.header().arbitraryFileIdentifier(), r.searchInfo() == null ? null
                    : r.searchInfo().arbitraryIdentifier(), null), "PERSON_ERROR " + rejected.violation().code().code());
            return outcome.errorResult(facility.institutionCode(), now, characterCode).orElseThrow();
        }

        QualificationInquiryRequest r = ((InquiryIntake.Accepted) outcome).request();
        LocalDate confirmationDate = QualificationMessages.parseDate(r.header().qualificationConfirmationDate().strip())
                .orElseThrow();
        AccessRecordingRegistry accessed = new AccessRecordingRegistry(registry);
        String institution = facility.institutionCode();
        EligibilityService eligibility = facility.settings().medicalAssistance()
                ? new EligibilityService(accessed).withMedicalTicketsFor(institution) : new EligibilityService(accessed);
        QualificationResultBody body = eligibility.answerWithReferenceNumbers(r.searchInfo(),
                confirmationDate, facility.settings().medicalAssistance(),
                personId -> referenceNumbers.lookup(institution, personId).orElse(null), now);
        ResultHeader header = new ResultHeader(now, confirmationDate, facility.institutionCode(),
                r.header().arbitraryFileIdentifier(), ReferenceClassification.INSURANCE_CARD_NUMBERS,
                SegmentOfResult.COMPLETED, null, null, characterCode);

        Set<String> persons = body.results().isEmpty() ? Set.of()
                : accessed.personsBornOn(QualificationMessages.parseDate(r.searchInfo().birthdate().strip()).orElse(null));
        if (persons.size() == 1) { // consents given on the card reader show in later number inquiries too
            String personId = persons.iterator().next();
            var given = consents.latest(institution, personId);
            body = ConsentResults.apply(body, given, now, facility.settings().operationInfo(),
                    facility.settings().eKarteSharing());
            // 医療費助成 (PMH): while the patient's provision at the reader is in force (docs/pmh.md)
            body = subsidies.apply(body, institution, personId, org.openoqs.core.consent.ConsentRules.statusAt(
                    given.get(org.openoqs.core.consent.ConsentCategory.SUBSIDY), now)
                    == org.openoqs.core.code.ConsentStatus.CONSENTED, confirmationDate);
        }
        String outcomeText = body.qualificationValidity() != null
                ? "OK validity=" + body.qualificationValidity().code() + " records=" + body.results().size()
                : "PERSON_ERROR " + body.processingResultCode();
        record(caller, subject(r.header().arbitraryFileIdentifier(), r.searchInfo().arbitraryIdentifier(), persons),
                outcomeText);
        return new QualificationInquiryResult(header, body);
    }

    /** Audits a request that never became a request tree (unreadable JSON, empty or oversized body). */
    public void auditRejectedBody(FacilityPrincipal caller, ErrorCode code) {
        record(caller, null, "REJECTED " + code.code());
    }

    private void record(FacilityPrincipal caller, String subject, String outcome) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, subject, outcome);
    }

    /** Correlation ids only; never a name, number or birthdate of the patient. */
    private static String subject(String fileId, String personId, Set<String> persons) {
        StringBuilder sb = new StringBuilder();
        sb.append("file=").append(safe(fileId, 100));
        sb.append(";id=").append(safe(personId, 100));
        if (persons != null && !persons.isEmpty()) {
            sb.append(";persons=").append(String.join(",", persons));
        }
        return sb.toString();
    }

    private static String safe(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(max).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }
}
