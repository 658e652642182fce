package org.openoqs.server.clins;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/clins/information} ({@code CIPsiquc01}): body the JSON mirror of the request file, answer the
 * JSON mirror of the result file (docs/clins.md), exactly as {@code /api/v1/medical/drug-information} does for
 * 薬剤情報. A refusal (switch off, no consent, unknown person, bad field) is a result with {@code ResultCode} 2.
 */
@RestController
public class ClinsInformationController {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ClinsInformationService service;

    public ClinsInformationController(ClinsInformationService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/clins/information")
    public ResponseEntity<byte[]> information(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        return JsonMirrorAnswer.of(service.answer(caller, facility, root));
    }
}
