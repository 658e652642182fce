package org.openoqs.server.homecare;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.inquiry.InstitutionMismatchException;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 居宅同意取得型 on the terminal API (docs/home-care.md); {@code {setting}} is {@code home-visit} (訪問診療等,
 * {@code OQSsihvq}) or {@code online} (オンライン診療等, {@code OQSsionq}).
 * <ul>
 *   <li>{@code POST /api/v1/home-care/{setting}/inquiry}: JSON mirror of the re-inquiry → JSON mirror of its result
 *       (errors in the message are results, as for {@code /qualifications/inquiry});</li>
 *   <li>{@code POST /api/v1/home-care/{setting}/cancellations}: the same message; cancels the named person's consent
 *       (OQSCD031 reason 1) → 200 {@code {medicalTreatmentFlag, reason, consentTime, cancelledAt}}, or 400 (the
 *       message's own error code), 404 {@code OQSP4201}, 409 {@code OQSP4203}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/home-care")
public class HomeCareController {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HomeCareInquiryService service;

    public HomeCareController(HomeCareInquiryService service) {
        this.service = service;
    }

    @PostMapping("/{setting}/inquiry")
    public ResponseEntity<byte[]> inquiry(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, @PathVariable("setting") String setting, HttpServletRequest request)
            throws IOException {
        MedicalTreatmentFlag treatment = treatment(setting);
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        try {
            XmlNode result = service.inquire(caller, facility, treatment, root);
            return JsonMirrorAnswer.of(result);
        } catch (InstitutionMismatchException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
    }

    @PostMapping("/{setting}/cancellations")
    public ResponseEntity<Map<String, String>> cancel(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, @PathVariable("setting") String setting, HttpServletRequest request)
            throws IOException {
        MedicalTreatmentFlag treatment = treatment(setting);
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        HomeCareInquiryService.Cancellation outcome;
        try {
            outcome = service.cancelByFacility(caller, facility, treatment, root);
        } catch (InstitutionMismatchException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
        return HomeCareCancellations.answer(outcome);
    }


    /** {@code home-visit} → 2, {@code online} → 3; anything else is not a path of this API (404). */
    static MedicalTreatmentFlag treatment(String setting) {
        return switch (setting) {
            case "home-visit" -> MedicalTreatmentFlag.HOME_VISIT;
            case "online" -> MedicalTreatmentFlag.ONLINE;
            default -> throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.HOME_CARE_TREATMENT_MISMATCH,
                    "home-visit または online を指定してください");
        };
    }

}
