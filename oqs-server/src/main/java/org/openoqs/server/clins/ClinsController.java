package org.openoqs.server.clins;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 電子カルテ情報共有サービス 5情報 registration (docs/clins.md): {@code POST /api/v1/clins/bundles}
 * ({@code application/fhir+json}, the facility is the client certificate's), {@code GET /api/v1/clins/bundles} (the
 * facility's own registrations) and {@code DELETE /api/v1/clins/bundles/{identifier}}. Refusals are FHIR
 * OperationOutcomes listing every problem.
 */
@RestController
@RequestMapping("/api/v1/clins/bundles")
public class ClinsController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private final ClinsRegistrationService registration;
    private final ClinsFhir fhir;

    public ClinsController(ClinsRegistrationService registration, ClinsFhir fhir) {
        this.registration = registration;
        this.fhir = fhir;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> register(@AuthenticationPrincipal FacilityPrincipal caller,
            HttpServletRequest request) throws IOException {
        ClinsRequestBody.requireFhirJson(request);
        ClinsRegistrationService.Receipt receipt = registration.register(caller, ClinsRequestBody.read(request));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", receipt.outcome().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("identifier", receipt.identifier());
        answer.put("resourceType", receipt.resourceType());
        answer.put("entries", receipt.entryCount());
        ResponseEntity.BodyBuilder status = receipt.outcome() == ClinsRegistrationService.Outcome.CREATED
                ? ResponseEntity.status(201).header("Location", "/api/v1/clins/bundles/"
                + URLEncoder.encode(receipt.identifier(), StandardCharsets.UTF_8))
                : ResponseEntity.ok();
        return status.contentType(JSON_UTF8).body(answer);
    }

    @GetMapping
    public ResponseEntity<List<Map<String, Object>>> list(@AuthenticationPrincipal FacilityPrincipal caller) {
        List<Map<String, Object>> out = registration.list(caller).stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identifier", b.identifier());
            m.put("resourceType", b.resourceType());
            m.put("entries", b.entryCount());
            m.put("memberId", b.memberId());
            m.put("registeredAt", b.registeredAt().toString());
            return m;
        }).toList();
        return ResponseEntity.ok().contentType(JSON_UTF8).header("Cache-Control", "no-store").body(out);
    }

    @DeleteMapping("/{identifier}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier) {
        registration.delete(caller, identifier);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(ClinsRefusedException.class)
    ResponseEntity<String> refused(ClinsRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(FHIR_JSON)
                .body(fhir.parser().encodeResourceToString(OperationOutcomes.of(e.problems())));
    }
}
