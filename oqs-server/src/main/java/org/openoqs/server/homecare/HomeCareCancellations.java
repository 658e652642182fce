package org.openoqs.server.homecare;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.homecare.HomeCareConsent;
import org.openoqs.server.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of a 居宅同意 cancellation, the same whoever cancelled: the facility ({@link HomeCareController})
 * or the operator on the patient's behalf ({@code operator.OperatorHomeCareController}).
 */
public final class HomeCareCancellations {

    private HomeCareCancellations() {
    }

    /** 200 {@code {medicalTreatmentFlag, reason, consentTime, cancelledAt}}; a refusal as 404, 409 or 400. */
    public static ResponseEntity<Map<String, String>> answer(HomeCareInquiryService.Cancellation outcome) {
        if (outcome.refusal() != null) {
            HttpStatus status = switch (outcome.refusal()) {
                case HOME_CARE_CONSENT_MISSING -> HttpStatus.NOT_FOUND;
                case HOME_CARE_CONSENT_NOT_IN_FORCE -> HttpStatus.CONFLICT;
                default -> HttpStatus.BAD_REQUEST;
            };
            throw new ApiException(status, outcome.refusal(), outcome.detail());
        }
        HomeCareConsent c = outcome.consent();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("medicalTreatmentFlag", c.treatment().code());
        body.put("reason", c.cancellationReason().code());
        body.put("consentTime", QualificationMessages.DATE_TIME.format(c.consentTime()));
        body.put("cancelledAt", QualificationMessages.DATE_TIME.format(c.cancelledAt()));
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
    }
}
