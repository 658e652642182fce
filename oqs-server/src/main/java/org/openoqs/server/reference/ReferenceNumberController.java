package org.openoqs.server.reference;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/reference-numbers}: 照会番号 単件登録. Body: the JSON mirror of an {@code OQSsiimm01req_};
 * answer: the JSON mirror of the {@code OQSsiimm01res_} (errors in the file are results, not HTTP errors).
 */
@RestController
@RequestMapping("/api/v1")
public class ReferenceNumberController {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ReferenceNumberRegistration registration;

    public ReferenceNumberController(ReferenceNumberRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/reference-numbers")
    public ResponseEntity<byte[]> register(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        return JsonMirrorAnswer.of(registration.register(caller, facility, root));
    }
}
