package org.openoqs.core.homecare;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.openoqs.core.code.ConsentStatus;
import org.openoqs.core.consent.MedicalTreatmentFlag;

/**
 * The 居宅同意: a patient's consent, given with the card for 訪問診療等 or オンライン診療等, that lets one facility
 * re-inquire about them without reading the card again ({@code OQSsihvq01req_} / {@code OQSsionq01req_}).
 *
 * @param institutionCode   the facility
 * @param personId          the patient (registry id)
 * @param treatment         {@link MedicalTreatmentFlag#HOME_VISIT} or {@link MedicalTreatmentFlag#ONLINE}
 * @param consentTime       when the card confirmation was made (JST)
 * @param availableUntil    end of the consent's period (JST, exclusive)
 * @param cancelledAt       when it was cancelled, or {@code null}
 * @param cancellationReason who cancelled (OQSCD031 1–3), {@code null} when not cancelled
 */
public record HomeCareConsent(
        String institutionCode,
        String personId,
        MedicalTreatmentFlag treatment,
        LocalDateTime consentTime,
        LocalDateTime availableUntil,
        LocalDateTime cancelledAt,
        ConsentCancellationReason cancellationReason) {

    public HomeCareConsent {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(consentTime, "consentTime");
        Objects.requireNonNull(availableUntil, "availableUntil");
        if (treatment != MedicalTreatmentFlag.HOME_VISIT && treatment != MedicalTreatmentFlag.ONLINE) {
            throw new IllegalArgumentException("a home-care consent is for 訪問診療等 or オンライン診療等: " + treatment);
        }
        if ((cancelledAt == null) != (cancellationReason == null)
                || cancellationReason == ConsentCancellationReason.PERIOD_ENDED) {
            throw new IllegalArgumentException("a cancellation needs both its time and a reason 1-3");
        }
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** OQSCD016 at {@code now}: 1 while in its period and not cancelled, else 2 同意有効期限切れ. */
    public ConsentStatus statusAt(LocalDateTime now) {
        boolean running = !now.isBefore(consentTime) && now.isBefore(availableUntil)
                && (cancelledAt == null || now.isBefore(cancelledAt));
        return running ? ConsentStatus.CONSENTED : ConsentStatus.EXPIRED;
    }

    /** OQSCD031 at {@code now}: the cancellation's reason, 0 for a period that ran out, empty while in force. */
    public Optional<ConsentCancellationReason> expirationReasonAt(LocalDateTime now) {
        if (statusAt(now) == ConsentStatus.CONSENTED) {
            return Optional.empty();
        }
        if (cancelledAt != null && !now.isBefore(cancelledAt)) {
            return Optional.of(cancellationReason);
        }
        return Optional.of(ConsentCancellationReason.PERIOD_ENDED);
    }

    /** The same consent, cancelled at {@code at} for {@code reason}. */
    public HomeCareConsent cancel(LocalDateTime at, ConsentCancellationReason reason) {
        return new HomeCareConsent(institutionCode, personId, treatment, consentTime, availableUntil, at, reason);
    }
}
