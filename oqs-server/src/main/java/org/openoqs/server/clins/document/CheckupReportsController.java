package org.openoqs.server.clins.document;

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
 * {@code POST /api/v1/clins/checkup-reports} ({@code CIPsickr01}, openoqs's name): body the JSON mirror of the request
 * file, answer the JSON mirror of the result — a patient's 健康診断結果報告書 with their FHIR Bundles (docs/clins.md
 * "健康診断結果報告書: viewing"). A refusal (switch off, no 特定健診情報 consent, unknown person, bad field) is a result
 * with {@code ResultCode} 2.
 */
@RestController
public class CheckupReportsController {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final CheckupReports reports;

    public CheckupReportsController(CheckupReports reports) {
        this.reports = reports;
    }

    @PostMapping("/api/v1/clins/checkup-reports")
    public ResponseEntity<byte[]> checkupReports(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        return JsonMirrorAnswer.of(reports.answer(caller.actor(), facility, root));
    }
}
