package org.openoqs.server.homecare;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.homecare.HomeCareResults;
import org.openoqs.core.consent.ConsentResults;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.homecare.ConsentCancellationReason;
import org.openoqs.core.homecare.HomeCareConsent;
import org.openoqs.core.homecare.HomeCareInquiryIntake;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.validation.InquiryIntake;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.inquiry.AccessRecordingRegistry;
import org.openoqs.server.inquiry.InstitutionMismatchException;
import org.openoqs.server.reference.ReferenceNumberService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;

/**
 * 居宅同意取得型 re-inquiry ({@code OQSsihvq01req_} 訪問診療等, {@code OQSsionq01req_} オンライン診療等) and the facility's
 * cancellation of a 居宅同意 (docs/home-care.md). A re-inquiry is a 個別照会 by the insurance numbers that is answered
 * only when they identify exactly one person who gave this facility a consent for the care setting with the card
 * (otherwise {@code OQSP4201}, the same answer for "nobody", "several people" and "no consent"); the answer is the
 * 個別照会's result with the viewing consents in force and the {@code HomeCareConsentInfo} block — also after the
 * consent ended or was cancelled, which the block then says (flag 2 and the OQSCD031 reason).
 */
@Service
public class HomeCareInquiryService {

    public static final String ACTION = "HOME_CARE_INQUIRY";
    public static final String CANCEL_ACTION = "HOME_CARE_CONSENT_CANCEL";

    private final JdbcQualificationRegistry registry;
    private final HomeCareConsentStore consents;
    private final ConsentService viewingConsents;
    private final ReferenceNumberService referenceNumbers;
    private final AuditLog audit;
    private final Clock clock;

    public HomeCareInquiryService(JdbcQualificationRegistry registry, HomeCareConsentStore consents,
            ConsentService viewingConsents, ReferenceNumberService referenceNumbers, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.consents = consents;
        this.viewingConsents = viewingConsents;
        this.referenceNumbers = referenceNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a cancellation did: the consent now cancelled, or the refusal. */
    public record Cancellation(HomeCareConsent consent, ErrorCode refusal, String detail) {
    }

    /**
     * Answers one re-inquiry tree with a result tree (errors are results).
     *
     * @throws InstitutionMismatchException when the request names another facility than the certificate (audited)
     */
    public XmlNode inquire(FacilityPrincipal caller, Facility facility, MedicalTreatmentFlag treatment, XmlNode request) {
        LocalDateTime now = now();
        CharacterCode characterCode = facility.settings().characterCode();
        InquiryIntake.Outcome outcome = HomeCareInquiryIntake.check(request, facility.institutionCode(),
                now.toLocalDate(), treatment);
        if (!(outcome instanceof InquiryIntake.Accepted accepted)) {
            refuseMismatch(caller, outcome, ACTION);
            record(caller, ACTION, treatment, fileId(outcome), null, refusalText(outcome));
            return QualificationMessages.resultToXml(
                    outcome.errorResult(facility.institutionCode(), now, characterCode).orElseThrow());
        }
        QualificationInquiryRequest r = accepted.request();
        LocalDate confirmationDate = QualificationMessages.parseDate(r.header().qualificationConfirmationDate().strip())
                .orElseThrow();
        AccessRecordingRegistry accessed = new AccessRecordingRegistry(registry);
        String institution = facility.institutionCode();
        EligibilityService eligibility = facility.settings().medicalAssistance()
                ? new EligibilityService(accessed).withMedicalTicketsFor(institution) : new EligibilityService(accessed);
        QualificationResultBody body = eligibility.answerWithReferenceNumbers(r.searchInfo(),
                confirmationDate, facility.settings().medicalAssistance(),
                personId -> referenceNumbers.lookup(institution, personId).orElse(null), now);
        if (body.processingResultCode() != null) { // e.g. 医療扶助 not enabled: the 個別照会's own answer
            record(caller, ACTION, treatment, r.header().arbitraryFileIdentifier(), null,
                    "PERSON_ERROR " + body.processingResultCode());
            return QualificationMessages.resultToXml(new QualificationInquiryResult(new ResultHeader(now,
                    confirmationDate, institution, r.header().arbitraryFileIdentifier(),
                    ReferenceClassification.INSURANCE_CARD_NUMBERS, SegmentOfResult.COMPLETED, null, null,
                    characterCode), body));
        }
        Optional<HomeCareConsent> consent = consentOf(institution, accessed, r, body, treatment);
        if (consent.isEmpty()) {
            record(caller, ACTION, treatment, r.header().arbitraryFileIdentifier(), null,
                    "PERSON_ERROR " + ErrorCode.HOME_CARE_CONSENT_MISSING.code());
            return QualificationMessages.resultToXml(ErrorResults.personLevelError(r.header(), r.searchInfo(),
                    new Violation(ErrorCode.HOME_CARE_CONSENT_MISSING, null, null), now, characterCode));
        }
        String personId = consent.get().personId();
        body = ConsentResults.apply(body, viewingConsents.latest(institution, personId), now,
                facility.settings().operationInfo(), facility.settings().eKarteSharing());
        ResultHeader header = new ResultHeader(now, confirmationDate, institution, r.header().arbitraryFileIdentifier(),
                ReferenceClassification.INSURANCE_CARD_NUMBERS, SegmentOfResult.COMPLETED, null, null, characterCode);
        record(caller, ACTION, treatment, r.header().arbitraryFileIdentifier(), personId,
                (body.qualificationValidity() != null ? "OK validity=" + body.qualificationValidity().code()
                        : "PERSON_ERROR " + body.processingResultCode())
                        + " consent=" + consent.get().statusAt(now).code()
                        + consent.get().expirationReasonAt(now).map(x -> " reason=" + x.code()).orElse(""));
        return HomeCareResults.toXml(new QualificationInquiryResult(header, body), consent.get(), now);
    }

    /**
     * The facility cancels the 居宅同意 of the person its request names (OQSCD031 reason 1). The request is the
     * re-inquiry's message; nothing changes unless it names exactly one person with a consent in force.
     *
     * @throws InstitutionMismatchException when the request names another facility than the certificate (audited)
     */
    public Cancellation cancelByFacility(FacilityPrincipal caller, Facility facility, MedicalTreatmentFlag treatment,
            XmlNode request) {
        LocalDateTime now = now();
        InquiryIntake.Outcome outcome = HomeCareInquiryIntake.check(request, facility.institutionCode(),
                now.toLocalDate(), treatment);
        if (!(outcome instanceof InquiryIntake.Accepted accepted)) {
            refuseMismatch(caller, outcome, CANCEL_ACTION);
            record(caller, CANCEL_ACTION, treatment, fileId(outcome), null, refusalText(outcome));
            Violation v = outcome instanceof InquiryIntake.FileRejected f ? f.violation()
                    : ((InquiryIntake.PersonRejected) outcome).violation();
            return new Cancellation(null, v.code(), v.detail());
        }
        QualificationInquiryRequest r = accepted.request();
        AccessRecordingRegistry accessed = new AccessRecordingRegistry(registry);
        LocalDate date = now.toLocalDate();
        QualificationResultBody body = new EligibilityService(accessed).answerWithReferenceNumbers(r.searchInfo(),
                date, true, personId -> null, now);
        Optional<HomeCareConsent> consent = consentOf(facility.institutionCode(), accessed, r, body, treatment);
        if (consent.isEmpty()) {
            record(caller, CANCEL_ACTION, treatment, r.header().arbitraryFileIdentifier(), null,
                    "REFUSED " + ErrorCode.HOME_CARE_CONSENT_MISSING.code());
            return new Cancellation(null, ErrorCode.HOME_CARE_CONSENT_MISSING, null);
        }
        return cancel(caller.institutionCode(), caller.actor(), consent.get().personId(), treatment,
                ConsentCancellationReason.CANCELLED_BY_FACILITY, r.header().arbitraryFileIdentifier(), now);
    }

    /**
     * The patient withdrew the 居宅同意 (OQSCD031 reason 2) — in the real system through マイナポータル; in openoqs the
     * central service's operator records it ({@code /api/v1/operator/home-care-consents/cancellations}).
     */
    public Cancellation cancelByPatient(String operatorActor, String institutionCode, String personId,
            MedicalTreatmentFlag treatment) {
        return cancel(institutionCode, operatorActor, personId, treatment,
                ConsentCancellationReason.CANCELLED_BY_PATIENT, null, now());
    }

    private Cancellation cancel(String institutionCode, String actor, String personId, MedicalTreatmentFlag treatment,
            ConsentCancellationReason reason, String fileId, LocalDateTime now) {
        Optional<HomeCareConsent> cancelled = consents.cancel(institutionCode, personId, treatment, reason, now, actor);
        if (cancelled.isEmpty()) {
            boolean any = consents.latest(institutionCode, personId, treatment).isPresent();
            ErrorCode code = any ? ErrorCode.HOME_CARE_CONSENT_NOT_IN_FORCE : ErrorCode.HOME_CARE_CONSENT_MISSING;
            audit.append(institutionCode, actor, CANCEL_ACTION, subject(treatment, fileId, personId), "REFUSED " + code.code());
            return new Cancellation(null, code, null);
        }
        audit.append(institutionCode, actor, CANCEL_ACTION, subject(treatment, fileId, personId),
                "OK reason=" + reason.code());
        return new Cancellation(cancelled.get(), null, null);
    }

    /** The consent of the one person the numbers name, if that person ever gave one for the care setting here. */
    private Optional<HomeCareConsent> consentOf(String institution, AccessRecordingRegistry accessed,
            QualificationInquiryRequest r, QualificationResultBody body, MedicalTreatmentFlag treatment) {
        if (body.results().isEmpty()) {
            return Optional.empty();
        }
        Set<String> persons = accessed.personsBornOn(
                QualificationMessages.parseDate(r.searchInfo().birthdate().strip()).orElse(null));
        if (persons.size() != 1) {
            return Optional.empty();
        }
        List<String> consented = consents.withConsent(institution, persons, treatment);
        return consented.size() == 1 ? consents.latest(institution, consented.get(0), treatment) : Optional.empty();
    }

    private void refuseMismatch(FacilityPrincipal caller, InquiryIntake.Outcome outcome, String action) {
        if (outcome instanceof InquiryIntake.FileRejected f && f.violation().code() == ErrorCode.INSTITUTION_MISMATCH) {
            audit.append(caller.institutionCode(), caller.actor(), action, "file=" + safe(f.header().arbitraryFileIdentifier()),
                    "REFUSED " + ErrorCode.INSTITUTION_MISMATCH.code());
            throw new InstitutionMismatchException(f.violation());
        }
    }

    private static String refusalText(InquiryIntake.Outcome outcome) {
        return outcome instanceof InquiryIntake.FileRejected f ? "FILE_ERROR " + f.violation().code().code()
                : "PERSON_ERROR " + ((InquiryIntake.PersonRejected) outcome).violation().code().code();
    }

    private static String fileId(InquiryIntake.Outcome outcome) {
        return outcome instanceof InquiryIntake.FileRejected f ? f.header().arbitraryFileIdentifier()
                : ((InquiryIntake.PersonRejected) outcome).request().header().arbitraryFileIdentifier();
    }

    private void record(FacilityPrincipal caller, String action, MedicalTreatmentFlag treatment, String fileId,
            String personId, String outcome) {
        audit.append(caller.institutionCode(), caller.actor(), action, subject(treatment, fileId, personId), outcome);
    }

    /** Correlation ids only; never a name, number or birthdate of the patient. */
    private static String subject(MedicalTreatmentFlag treatment, String fileId, String personId) {
        return "treatment=" + treatment.code() + ";file=" + safe(fileId) + (personId == null ? "" : ";persons=" + personId);
    }

    private static String safe(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(100).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
