package org.openoqs.core.consent;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import org.openoqs.core.code.ConsentStatus;

/**
 * How long a consent lets a facility view, and what a result says about it (docs/card-path.md, "Consents").
 *
 * <ul>
 *   <li>外来: 24 hours from the confirmation (the public fixture shows {@code AvailableTime = ConsTime + 24h}).</li>
 *   <li>訪問診療等 and オンライン診療等: the patient is not at the counter for every visit, so the consent given at
 *       the first card confirmation lasts longer. The public notes only say that these interfaces know the value
 *       2 (同意有効期限切れ); openoqs lets such a consent last {@value #LONG_TERM_DAYS} days.</li>
 *   <li>救急時: not a patient consent (同意取得困難); a card confirmation never records one.</li>
 * </ul>
 * A consent inside its period reads 1 (同意あり). After it, a 訪問/オンライン consent reads 2 (同意有効期限切れ) and an
 * outpatient one 0 (同意なし), because value 2 exists only in the 訪問/オンライン interfaces (OQSCD016).
 */
public final class ConsentRules {

    public static final Duration OUTPATIENT_PERIOD = Duration.ofHours(24);
    public static final int LONG_TERM_DAYS = 365;

    private ConsentRules() {
    }

    /** End of the viewing period of a consent given at {@code consentTime} for {@code treatment}. */
    public static LocalDateTime availableUntil(MedicalTreatmentFlag treatment, LocalDateTime consentTime) {
        Objects.requireNonNull(consentTime, "consentTime");
        return switch (Objects.requireNonNull(treatment, "treatment")) {
            case OUTPATIENT -> consentTime.plus(OUTPATIENT_PERIOD);
            case HOME_VISIT, ONLINE -> consentTime.plusDays(LONG_TERM_DAYS);
            case EMERGENCY -> throw new IllegalArgumentException("救急時 access needs no patient consent");
        };
    }

    /** The OQSCD016 flag a result shows for {@code record} at {@code now}; {@code null} record → 0 同意なし. */
    public static ConsentStatus statusAt(ConsentRecord record, LocalDateTime now) {
        if (record == null) {
            return ConsentStatus.NOT_CONSENTED;
        }
        if (record.isAvailableAt(now)) {
            return ConsentStatus.CONSENTED;
        }
        boolean longTerm = record.treatment() == MedicalTreatmentFlag.HOME_VISIT
                || record.treatment() == MedicalTreatmentFlag.ONLINE;
        return longTerm && !now.isBefore(record.availableUntil()) ? ConsentStatus.EXPIRED : ConsentStatus.NOT_CONSENTED;
    }
}
