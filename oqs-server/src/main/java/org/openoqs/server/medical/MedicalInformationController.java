package org.openoqs.server.medical;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/medical/drug-information} ({@code YZKsiquc01}) and {@code POST /api/v1/medical/health-checkups}
 * ({@code TKKsiquc01}). Body: the JSON mirror of the request file. Answer: the JSON mirror of the result file, or
 * {@code application/pdf} for the PDF file categories. A refusal (no consent, unknown person, bad field) is a
 * result with {@code ResultCode} 2, not an HTTP error.
 */
@RestController
@RequestMapping("/api/v1/medical")
public class MedicalInformationController {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final MedicalInformationService service;

    public MedicalInformationController(MedicalInformationService service) {
        this.service = service;
    }

    @PostMapping("/drug-information")
    public ResponseEntity<byte[]> drugs(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        return answer(caller, facility, request, MedicalInformationKind.DRUG);
    }

    @PostMapping("/health-checkups")
    public ResponseEntity<byte[]> checkups(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        return answer(caller, facility, request, MedicalInformationKind.HEALTH_CHECKUP);
    }

    private ResponseEntity<byte[]> answer(FacilityPrincipal caller, Facility facility, HttpServletRequest request,
            MedicalInformationKind kind) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        MedicalInformationService.Answer answer = service.answer(caller, facility, kind, root);
        if (answer.isPdf()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Cache-Control", "no-store")
                    .body(answer.pdf());
        }
        return JsonMirrorAnswer.of(answer.xml());
    }
}
