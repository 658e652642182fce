package org.openoqs.server.clins;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.reference.JsonBodies;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.MediaType;
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
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private final ClinsInformationService service;
    private final FacilityService facilities;

    public ClinsInformationController(ClinsInformationService service, FacilityService facilities) {
        this.service = service;
        this.facilities = facilities;
    }

    @PostMapping("/api/v1/clins/information")
    public ResponseEntity<byte[]> information(@AuthenticationPrincipal FacilityPrincipal caller,
            HttpServletRequest request) throws IOException {
        Facility facility = request.getAttribute(ClientCertificateFilter.FACILITY_ATTRIBUTE) instanceof Facility f
                ? f : facilities.get(caller.institutionCode());
        XmlNode root = JsonMirror.fromJson(JsonBodies.read(request, MAX_BODY_BYTES));
        XmlNode answer = service.answer(caller, facility, root);
        return ResponseEntity.ok().contentType(JSON_UTF8).header("Cache-Control", "no-store")
                .body(JsonMirror.toJsonBytes(answer));
    }
}
