package org.openoqs.server.emergency;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openoqs.core.clins.ClinsItemSummary;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.medical.Diagnosis;
import org.openoqs.core.medical.DispensingRecord;
import org.openoqs.core.medical.DrugHistoryPeriod;
import org.openoqs.core.medical.MedicalHistory;
import org.openoqs.core.medical.Surgery;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.core.registry.Person;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.clins.ClinsInformation;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.medical.MedicalHistories;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.stereotype.Service;

/**
 * 救急時医療情報閲覧: the 救急用サマリー of a patient who cannot consent, for a hospital's account holding 救急時閲覧権限
 * that passed the second factor in this portal session. No consent is looked at — that is the point — so every
 * condition before it is checked here on every request, in this order, each refusal audited as {@value #ACTION}:
 * a hospital (OQSF5001), 環境設定 on (OQSF5002), the permission (OQSF5003), the second factor (OQSF5004), a reason
 * (OQSP5001/5002), insurance keys naming exactly one person (OQSP5003, OQSP3102/3103). A view is audited with the
 * account, the patient, the reason and what was shown.
 */
@Service
public class EmergencyViewing {

    public static final String ACTION = "EMERGENCY_VIEW";
    /** 電子カルテ情報 are kept 5 years (docs/clins.md "Retention"): the summary shows everything still kept. */
    static final int CLINS_YEARS = 5;

    /** What the form sends. */
    public record Request(String insurerNumber, String insuredCardSymbol, String insuredIdentificationNumber,
                          String insuredBranchNumber, String reasonCode, String reasonText) {
    }

    /** The 救急用サマリー. */
    public record Summary(Person person, EmergencyReason reason, String reasonText, DrugHistoryPeriod drugPeriod,
                          List<DispensingRecord> dispensings, List<Diagnosis> diagnoses, List<Surgery> surgeries,
                          List<ClinsItemSummary> clinicalItems, LocalDateTime viewedAt) {
    }

    private final EmergencyPermissions permissions;
    private final EmergencyCardRequests cardRequests;
    private final JdbcQualificationRegistry registry;
    private final MedicalHistories histories;
    private final ClinsInformation clins;
    private final AuditLog audit;
    private final Clock clock;

    public EmergencyViewing(EmergencyPermissions permissions, EmergencyCardRequests cardRequests,
                            JdbcQualificationRegistry registry, MedicalHistories histories, ClinsInformation clins,
                            AuditLog audit, Clock clock) {
        this.permissions = permissions;
        this.cardRequests = cardRequests;
        this.registry = registry;
        this.histories = histories;
        this.clins = clins;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The conditions of the facility and the account (not the second factor): whether this account may reach the
     * emergency screens at all. Refusals audited.
     */
    public void admit(PortalUser user, Facility facility, String screen) {
        if (!facility.hospital()) {
            throw refuse(user, "screen=" + screen, ErrorCode.EMERGENCY_VIEW_HOSPITALS_ONLY, false);
        }
        if (!facility.settings().emergencyInfo()) {
            throw refuse(user, "screen=" + screen, ErrorCode.EMERGENCY_VIEW_NOT_ENABLED, false);
        }
        if (!permissions.has(user.institutionCode(), user.accountId())) {
            throw refuse(user, "screen=" + screen, ErrorCode.EMERGENCY_PERMISSION_MISSING, false);
        }
    }

    /** The summary, after every condition; {@code secondFactorPassed} is this portal session's state. */
    public Summary summary(PortalUser user, Facility facility, boolean secondFactorPassed, Request request) {
        Reasoned reasoned = reasoned(user, facility, secondFactorPassed, request.reasonCode(), request.reasonText());
        return summaryOf(user, person(user, request, reasoned.subject()), reasoned, reasoned.subject());
    }

    /**
     * A 受付番号 for identifying the patient by card at this facility's reader (docs/emergency-view.md), after every
     * condition of the account and the session; audited.
     */
    public EmergencyCardRequests.Issued requestCard(PortalUser user, Facility facility, boolean secondFactorPassed) {
        admit(user, facility, "card-request");
        if (!secondFactorPassed) {
            throw refuse(user, "screen=card-request", ErrorCode.SECOND_FACTOR_REQUIRED, false);
        }
        EmergencyCardRequests.Issued issued = cardRequests.issue(user.institutionCode(), user.accountId());
        audit.append(user.institutionCode(), user.accountId(), ACTION, "channel=web;card-request=" + issued.code(),
                "CARD_REQUESTED");
        return issued;
    }

    /**
     * The summary of the patient whose card this facility's reader read for the account's own 受付番号 — the same
     * conditions, reason and audit as by insurance key; the number is used up by the view.
     */
    public Summary summaryByCard(PortalUser user, Facility facility, boolean secondFactorPassed, String code,
                                 String reasonCode, String reasonText) {
        Reasoned reasoned = reasoned(user, facility, secondFactorPassed, reasonCode, reasonText);
        String shown = blank(code).isEmpty() ? "-" : org.openoqs.core.error.Violation.shown(blank(code));
        Person person = cardRequests.take(user.institutionCode(), user.accountId(), blank(code))
                .flatMap(registry::person)
                .orElseThrow(() -> refuse(user, reasoned.subject() + ";card-request=" + shown,
                        ErrorCode.EMERGENCY_CARD_NOT_IDENTIFIED, true));
        return summaryOf(user, person, reasoned, reasoned.subject() + ";identified=card;card-request=" + shown);
    }

    /** The reason as given, and the audit subject it makes. */
    private record Reasoned(EmergencyReason reason, String text, String subject) {
    }

    private Reasoned reasoned(PortalUser user, Facility facility, boolean secondFactorPassed, String reasonCode,
                              String reasonText) {
        admit(user, facility, "summary");
        if (!secondFactorPassed) {
            throw refuse(user, "screen=summary", ErrorCode.SECOND_FACTOR_REQUIRED, false);
        }
        EmergencyReason reason = EmergencyReason.ofCode(blank(reasonCode))
                .orElseThrow(() -> refuse(user, "screen=summary", ErrorCode.EMERGENCY_REASON_MISSING, true));
        String text = blank(reasonText);
        if ((reason.needsText() && text.isEmpty()) || text.codePointCount(0, text.length()) > EmergencyReason.MAX_TEXT
                || text.codePoints().anyMatch(Character::isISOControl)) {
            throw refuse(user, "screen=summary reason=" + reason.code(), ErrorCode.EMERGENCY_REASON_TEXT, true);
        }
        return new Reasoned(reason, text, "channel=web;reason=" + reason.code() + (text.isEmpty() ? "" : ":" + text));
    }

    private Summary summaryOf(PortalUser user, Person person, Reasoned reasoned, String subject) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        DrugHistoryPeriod period = DrugHistoryPeriod.lastMonths(YearMonth.from(now));
        MedicalHistory history = histories.of(person);
        List<DispensingRecord> dispensings = history.dispensingsBetween(period.from(), period.to());
        List<ClinsItemSummary> items = clins.of(person, YearMonth.from(now).minusYears(CLINS_YEARS), YearMonth.from(now),
                now.toLocalDate(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)).items();
        audit.append(user.institutionCode(), user.accountId(), ACTION, "persons=" + person.personId() + ";" + subject,
                "OK summary dispensings=" + dispensings.size() + " diagnoses=" + history.diagnoses().size()
                        + " surgeries=" + history.surgeries().size() + " clins=" + items.size());
        return new Summary(person, reasoned.reason(), reasoned.text(), period, dispensings, history.diagnoses(),
                history.surgeries(), items, now);
    }

    /** The one person the insurance keys name (as 薬剤情報 and 電子カルテ情報 find them). */
    private Person person(PortalUser user, Request request, String subject) {
        String number = blank(request.insuredIdentificationNumber());
        InsurerNumber insurer;
        try {
            insurer = InsurerNumber.parse(blank(request.insurerNumber()));
        } catch (InvalidNumberException e) {
            throw refuse(user, subject, ErrorCode.EMERGENCY_PATIENT_KEYS, true);
        }
        if (number.isEmpty() || number.length() > 20 || blank(request.insuredCardSymbol()).length() > 20
                || blank(request.insuredBranchNumber()).length() > 2) {
            throw refuse(user, subject, ErrorCode.EMERGENCY_PATIENT_KEYS, true);
        }
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(insurer, blank(request.insuredCardSymbol()), number,
                blank(request.insuredBranchNumber()), null).forEach(c -> persons.add(c.person().personId()));
        if (persons.size() != 1) {
            ErrorCode code = persons.isEmpty() ? ErrorCode.MEDICAL_INFORMATION_PERSON_NOT_FOUND
                    : ErrorCode.MEDICAL_INFORMATION_AMBIGUOUS;
            throw refuse(user, "persons=" + String.join(",", persons) + ";" + subject, code, true);
        }
        return registry.person(persons.iterator().next()).orElseThrow();
    }

    private EmergencyRefusedException refuse(PortalUser user, String subject, ErrorCode code, boolean formProblem) {
        audit.append(user.institutionCode(), user.accountId(), ACTION, subject, "REFUSED " + code.code());
        return new EmergencyRefusedException(code, formProblem);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
