package org.openoqs.server.medical;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;

/**
 * The consent rule of medical information, for the request files and the portal alike: every category asked for
 * needs the patient's newest consent of that category to this facility, in force now.
 */
public final class ConsentGate {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");

    /**
     * The first category without a consent in force, and the lapsed record if there was one; no category when the
     * patient has no viewing consent to the facility at all.
     */
    public record Refusal(ConsentCategory category, ConsentRecord lapsed) {

        static Refusal noViewingConsent() {
            return new Refusal(null, null);
        }

        public Violation violation() {
            if (category == null) {
                return new Violation(ErrorCode.CONSENT_MISSING, null, "この医療機関で閲覧できる同意がありません");
            }
            String detail = category.label() + (lapsed == null ? "の同意がありません"
                    : "の同意の有効期限（" + lapsed.availableUntil().format(STAMP) + "）を過ぎています");
            return new Violation(ErrorCode.CONSENT_MISSING, null, detail);
        }

        /** The audit outcome, e.g. {@code REFUSED OQSP3101 consent=drug none}. */
        public String auditOutcome() {
            return "REFUSED " + ErrorCode.CONSENT_MISSING.code() + " consent="
                    + (category == null ? "any" : category.cliName())
                    + (lapsed == null ? " none" : " expired");
        }
    }

    private ConsentGate() {
    }

    public static Optional<Refusal> check(Map<ConsentCategory, ConsentRecord> given, Collection<ConsentCategory> needed,
            LocalDateTime now) {
        for (ConsentCategory c : needed) {
            ConsentRecord record = given.get(c);
            if (record == null || !record.isAvailableAt(now)) {
                return Optional.of(new Refusal(c, record));
            }
        }
        return Optional.empty();
    }

    /** 手術情報 is shown with 診療情報 only where the facility opted in and the patient consented. */
    static boolean surgeriesAllowed(boolean facilityOptedIn, Map<ConsentCategory, ConsentRecord> given,
            LocalDateTime now) {
        ConsentRecord surgery = given.get(ConsentCategory.SURGERY);
        return facilityOptedIn && surgery != null && surgery.isAvailableAt(now);
    }
}
