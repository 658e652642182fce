package org.openoqs.server.eps;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.ReaderPrescriptionChoice;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 電子処方箋 terminal API, behind the {@code /api/**} mutual-TLS chain:
 * <ul>
 *   <li>{@code POST /api/v1/eps/{operation}} ({@link EpsOperation#apiName()}: {@code register}, {@code search},
 *       {@code status}, {@code cancel}, {@code copy}, {@code receive}, {@code dispensing-result},
 *       {@code dispensing-results}): body and answer are the JSON mirror of the request and result messages;
 *       refusals are results (HTTP 200), as for the qualification inquiry;</li>
 *   <li>{@code GET /api/v1/eps/reader-settings}: whether the facility's face-auth reader asks for the prescription
 *       form (OQSCD038/039).</li>
 * </ul>
 * HTTP errors only for what is not a request at all: unreadable JSON (400), too large (413), an unknown operation
 * (404), another facility's code (403).
 */
@RestController
@RequestMapping("/api/v1/eps")
public class EpsController {

    /** A signed prescription is at most ~0.7 MB of base64; room for the JSON around it. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final EpsService eps;
    private final EpsSettings settings;

    public EpsController(EpsService eps, EpsSettings settings) {
        this.eps = eps;
        this.settings = settings;
    }

    /** What the reader needs: {@code ePrescription} (OQSCD038), {@code selectionTiming} (OQSCD039), {@code readerAsks}. */
    public record ReaderSettings(String ePrescription, String selectionTiming, boolean readerAsks) {
    }

    @PostMapping("/{operation}")
    public ResponseEntity<?> operation(@PathVariable("operation") String name,
            @AuthenticationPrincipal FacilityPrincipal caller, @CallerFacility Facility facility,
            HttpServletRequest request) throws IOException {
        Optional<EpsOperation> operation = EpsOperation.ofApiName(name);
        if (operation.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, ErrorCode.UNSUPPORTED_REQUEST_TYPE, "存在しない電子処方箋APIです: " + name);
        }
        XmlNode root;
        try {
            root = BoundedBody.upTo(MAX_BODY_BYTES).readJsonMirror(request);
        } catch (InputRejectedException e) {
            HttpStatus status = e.errorCode() == ErrorCode.FILE_TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                    : HttpStatus.BAD_REQUEST;
            return error(status, e.errorCode(), e.detail());
        }
        try {
            return JsonMirrorAnswer.of(eps.handle(caller, facility, operation.get(), root));
        } catch (EpsService.InstitutionMismatchException e) {
            return error(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, e.violation().detail());
        }
    }

    @GetMapping("/reader-settings")
    public ReaderSettings readerSettings(@CallerFacility Facility facility) {
        ReaderPrescriptionChoice choice = settings.readerChoice(facility);
        return new ReaderSettings(choice.ePrescriptionUse(), choice.timing().code(), choice.readerAsks());
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, ErrorCode code, String detail) {
        return ResponseEntity.status(status).contentType(JsonMirrorAnswer.JSON_UTF8).body(ApiError.of(code, detail));
    }
}
