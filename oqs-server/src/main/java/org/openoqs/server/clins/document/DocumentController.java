package org.openoqs.server.clins.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.clins.ClinsRequestBody;
import org.openoqs.server.clins.OperationOutcomes;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sender's document API (docs/clins.md "Documents"): {@code POST /api/v1/clins/documents} 登録,
 * {@code PUT …/{identifier}} 変更, {@code DELETE …/{identifier}} 取消, {@code POST …/{identifier}/undo} 取消UNDO,
 * {@code GET /api/v1/clins/documents} the facility's own documents and {@code GET /api/v1/clins/facilities/{code}}
 * 利用状況確認. {@code verbalConsent=true} sends the patient's verbal consent with the document (§1.6 a). Refusals are
 * FHIR OperationOutcomes, as for the 5情報.
 */
@RestController
public class DocumentController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    private static final String BASE = "/api/v1/clins/documents";

    private final DocumentService documents;
    private final ClinsFhir fhir;

    public DocumentController(DocumentService documents, ClinsFhir fhir) {
        this.documents = documents;
        this.fhir = fhir;
    }

    @PostMapping(BASE)
    public ResponseEntity<Map<String, Object>> register(@AuthenticationPrincipal FacilityPrincipal caller,
            @RequestParam(name = "verbalConsent", defaultValue = "false") boolean verbalConsent,
            HttpServletRequest request) throws IOException {
        ClinsRequestBody.requireFhirJson(request);
        DocumentService.Receipt receipt = documents.register(caller, ClinsRequestBody.read(request), verbalConsent);
        return ResponseEntity.status(201).header("Location", BASE + "/"
                        + URLEncoder.encode(receipt.document().identifier(), StandardCharsets.UTF_8))
                .contentType(JSON_UTF8).body(answer(receipt));
    }

    @PutMapping(BASE + "/{identifier}")
    public ResponseEntity<Map<String, Object>> change(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier,
            @RequestParam(name = "verbalConsent", defaultValue = "false") boolean verbalConsent,
            HttpServletRequest request) throws IOException {
        ClinsRequestBody.requireFhirJson(request);
        return ok(answer(documents.change(caller, identifier, ClinsRequestBody.read(request), verbalConsent)));
    }

    @DeleteMapping(BASE + "/{identifier}")
    public ResponseEntity<Map<String, Object>> cancel(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier) {
        return ok(answer(documents.cancel(caller, identifier)));
    }

    @PostMapping(BASE + "/{identifier}/undo")
    public ResponseEntity<Map<String, Object>> undo(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier) {
        return ok(answer(documents.undo(caller, identifier)));
    }

    @GetMapping(BASE)
    public ResponseEntity<List<Map<String, Object>>> sent(@AuthenticationPrincipal FacilityPrincipal caller) {
        return ResponseEntity.ok().contentType(JSON_UTF8).header("Cache-Control", "no-store")
                .body(documents.sent(caller).stream().map(DocumentController::sender).toList());
    }

    @GetMapping("/api/v1/clins/facilities/{institutionCode}")
    public ResponseEntity<Map<String, Object>> usage(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("institutionCode") String institutionCode) {
        DocumentService.Usage usage = documents.usage(caller, institutionCode);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("institutionCode", usage.institutionCode());
        out.put("registered", usage.registered());
        out.put("usesService", usage.usesService());
        return ok(out);
    }

    @ExceptionHandler(ClinsRefusedException.class)
    ResponseEntity<String> refused(ClinsRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(FHIR_JSON)
                .body(fhir.parser().encodeResourceToString(OperationOutcomes.of(e.problems())));
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(JSON_UTF8).header("Cache-Control", "no-store").body(body);
    }

    private static Map<String, Object> answer(DocumentService.Receipt receipt) {
        Map<String, Object> m = sender(receipt.document());
        m.put("outcome", receipt.outcome());
        return m;
    }

    /** What the sender sees of its own document. */
    private static Map<String, Object> sender(DocumentStore.StoredDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifier", d.identifier());
        m.put("kind", d.kind().name());
        m.put("kindName", d.kind().label());
        m.put("destination", d.destinationCode());
        m.put("memberId", d.memberId());
        m.put("version", d.version());
        m.put("dischargeSummary", d.dischargeSummary());
        m.put("verbalConsent", d.verbalConsent());
        m.put("status", d.status().name());
        m.put("registeredAt", d.registeredAt().toString());
        m.put("changedAt", d.changedAt() == null ? null : d.changedAt().toString());
        m.put("cancelledAt", d.cancelledAt() == null ? null : d.cancelledAt().toString());
        m.put("receivedAt", d.receivedAt() == null ? null : d.receivedAt().toString());
        return m;
    }
}
