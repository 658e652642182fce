package org.openoqs.server.operator;

import java.util.Map;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.card.CardRegistry;
import org.openoqs.server.homecare.HomeCareCancellations;
import org.openoqs.server.homecare.HomeCareInquiryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/operator/home-care-consents/cancellations} {@code {institutionCode, cardId, medicalTreatmentFlag}}:
 * a patient's withdrawal of a 居宅同意 (OQSCD031 reason 2). The real patient does this in マイナポータル, which openoqs
 * does not have; the central service's operator records it on the patient's behalf (operator certificates only,
 * audited with the operator as actor). Answers as the facility's cancellation does.
 */
@RestController
@RequestMapping("/api/v1/operator/home-care-consents")
public class OperatorHomeCareController {

    private final HomeCareInquiryService service;
    private final CardRegistry cards;

    public OperatorHomeCareController(HomeCareInquiryService service, CardRegistry cards) {
        this.service = service;
        this.cards = cards;
    }

    public record PatientCancellation(String institutionCode, String cardId, String medicalTreatmentFlag) {
    }

    @PostMapping("/cancellations")
    public ResponseEntity<Map<String, String>> cancel(@AuthenticationPrincipal OperatorPrincipal operator,
            @RequestBody PatientCancellation request) {
        MedicalTreatmentFlag treatment = MedicalTreatmentFlag.ofName(request.medicalTreatmentFlag())
                .filter(t -> t == MedicalTreatmentFlag.HOME_VISIT || t == MedicalTreatmentFlag.ONLINE)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.HOME_CARE_TREATMENT_MISMATCH, null));
        if (request.institutionCode() == null || !request.institutionCode().strip().matches("[0-9]{10}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, null);
        }
        MyNumberCard card = cards.find(request.cardId() == null ? "" : request.cardId().strip())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCode.CARD_NOT_FOUND, null));
        return HomeCareCancellations.answer(service.cancelByPatient(operator.actor(), request.institutionCode().strip(),
                card.personId(), treatment));
    }
}
