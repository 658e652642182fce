package org.openoqs.server.homecare;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.homecare.UrlResults;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.api.ApiException;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.api.JsonMirrorAnswer;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.CallerFacility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/home-care/url}: JSON mirror of an {@code OQSsiurl01req_} → of its result (errors are results,
 * {@code SegmentOfResult} 9; another facility's code is {@code 403}). The URL's base is
 * {@code oqs.home-care.reception-base-url} when set (a deployment behind a proxy), else the address this request came
 * to — in the demo the service's own HTTPS address, which serves the landing page.
 */
@RestController
@RequestMapping("/api/v1/home-care")
public class HomeCareUrlController {


    private final HomeCareUrlService urls;
    private final AuditLog audit;
    private final Clock clock;
    private final String configuredBase;

    public HomeCareUrlController(HomeCareUrlService urls, AuditLog audit, Clock clock,
            @Value("${oqs.home-care.reception-base-url:}") String configuredBase) {
        this.urls = urls;
        this.audit = audit;
        this.clock = clock;
        this.configuredBase = configuredBase;
    }

    @PostMapping("/url")
    public ResponseEntity<byte[]> url(@AuthenticationPrincipal FacilityPrincipal caller,
            @CallerFacility Facility facility, HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(HomeCareController.MAX_BODY_BYTES).readJsonMirror(request);
        UrlRequest.Outcome outcome = UrlRequest.check(root, facility.institutionCode());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        XmlNode result;
        if (!outcome.accepted()) {
            if (outcome.violation().code() == ErrorCode.INSTITUTION_MISMATCH) {
                audit.append(caller.institutionCode(), caller.actor(), HomeCareUrlService.ACTION, "-",
                        "REFUSED " + ErrorCode.INSTITUTION_MISMATCH.code());
                throw new ApiException(HttpStatus.FORBIDDEN, ErrorCode.INSTITUTION_MISMATCH, outcome.violation().detail());
            }
            audit.append(caller.institutionCode(), caller.actor(), HomeCareUrlService.ACTION, "-",
                    "FILE_ERROR " + outcome.violation().code().code());
            result = QualificationMessages.resultToXml(ErrorResults.fileLevelError(outcome.header(),
                    facility.institutionCode(), outcome.violation(), now, facility.settings().characterCode()));
        } else {
            UrlRequest r = outcome.request();
            UrlResults.IssuedUrl issued = urls.issue(facility.institutionCode(), caller.actor(), base(),
                    r.treatment(), r.format(), r.regenerate());
            result = UrlResults.toXml(facility.institutionCode(), r.header().arbitraryFileIdentifier(), issued, now,
                    facility.settings().characterCode());
        }
        return JsonMirrorAnswer.of(result);
    }

    private String base() {
        return configuredBase.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configuredBase;
    }
}
