package org.openoqs.server.clins.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.clins.OperationOutcomes;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.api.BoundedBody;
import org.openoqs.server.security.ClientCertificateFilter;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The destination's document API (docs/clins.md "Documents"): {@code GET /api/v1/clins/inbox} lists what is addressed
 * to the facility (before consent only that a document waits), {@code GET …/inbox/{identifier}} answers the document
 * Bundle ({@code application/fhir+json}), {@code POST …/inbox/{identifier}/receipt} marks it received; the request
 * files {@code CIPsidcl01} / {@code CIPsidcg01} arrive as JSON mirrors at {@code POST …/inbox/list-request} and
 * {@code POST …/inbox/fetch-request}.
 */
@RestController
public class DocumentInboxController {

    private static final String BASE = "/api/v1/clins/inbox";
    static final int MAX_REQUEST_FILE_BYTES = 64 * 1024;

    private final DocumentInbox inbox;
    private final DocumentRequestFiles files;
    private final FacilityService facilities;
    private final ClinsFhir fhir;

    public DocumentInboxController(DocumentInbox inbox, DocumentRequestFiles files, FacilityService facilities,
            ClinsFhir fhir) {
        this.inbox = inbox;
        this.files = files;
        this.facilities = facilities;
        this.fhir = fhir;
    }

    @GetMapping(BASE)
    public ResponseEntity<List<Map<String, Object>>> list(@AuthenticationPrincipal FacilityPrincipal caller,
            HttpServletRequest request) {
        List<Map<String, Object>> out = inbox.list(caller.actor(), facility(caller, request)).stream()
                .map(DocumentInboxController::entry).toList();
        return ResponseEntity.ok().contentType(DocumentController.JSON_UTF8).header("Cache-Control", "no-store").body(out);
    }

    @GetMapping(BASE + "/{identifier}")
    public ResponseEntity<byte[]> read(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier, HttpServletRequest request) {
        byte[] bundle = inbox.read(caller.actor(), facility(caller, request), identifier).bundle();
        return ResponseEntity.ok().contentType(DocumentController.FHIR_JSON).header("Cache-Control", "no-store")
                .body(bundle);
    }

    @PostMapping(BASE + "/{identifier}/receipt")
    public ResponseEntity<Map<String, Object>> receipt(@AuthenticationPrincipal FacilityPrincipal caller,
            @PathVariable("identifier") String identifier, HttpServletRequest request) {
        DocumentStore.StoredDocument d = inbox.receive(caller.actor(), facility(caller, request), identifier);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("identifier", d.identifier());
        out.put("receivedAt", d.receivedAt().toString());
        return ResponseEntity.ok().contentType(DocumentController.JSON_UTF8).body(out);
    }

    @PostMapping(BASE + "/list-request")
    public ResponseEntity<byte[]> listRequest(@AuthenticationPrincipal FacilityPrincipal caller,
            HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_REQUEST_FILE_BYTES).readJsonMirror(request);
        return mirror(files.list(caller.actor(), facility(caller, request), root));
    }

    @PostMapping(BASE + "/fetch-request")
    public ResponseEntity<byte[]> fetchRequest(@AuthenticationPrincipal FacilityPrincipal caller,
            HttpServletRequest request) throws IOException {
        XmlNode root = BoundedBody.upTo(MAX_REQUEST_FILE_BYTES).readJsonMirror(request);
        return mirror(files.fetch(caller.actor(), facility(caller, request), root));
    }

    @ExceptionHandler(ClinsRefusedException.class)
    ResponseEntity<String> refused(ClinsRefusedException e) {
        return ResponseEntity.status(e.status()).contentType(DocumentController.FHIR_JSON)
                .body(fhir.parser().encodeResourceToString(OperationOutcomes.of(e.problems())));
    }

    private Facility facility(FacilityPrincipal caller, HttpServletRequest request) {
        return request.getAttribute(ClientCertificateFilter.FACILITY_ATTRIBUTE) instanceof Facility f
                ? f : facilities.get(caller.institutionCode());
    }

    private static ResponseEntity<byte[]> mirror(XmlNode answer) {
        return ResponseEntity.ok().contentType(DocumentController.JSON_UTF8).header("Cache-Control", "no-store")
                .body(JsonMirror.toJsonBytes(answer));
    }

    /** What the destination sees: before consent, that a document waits and from whom; after it, whose it is. */
    private static Map<String, Object> entry(DocumentInbox.Entry e) {
        DocumentStore.StoredDocument d = e.document();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifier", d.identifier());
        m.put("kind", d.kind().name());
        m.put("kindName", d.kind().label());
        m.put("sender", d.institutionCode());
        m.put("registeredAt", d.registeredAt().toString());
        m.put("consent", e.consented() ? "GIVEN" : "PENDING");
        m.put("received", d.receivedAt() != null);
        if (e.consented()) {
            m.put("patientName", e.patientName());
            m.put("patientBirthDate", e.birthDate());
            m.put("version", d.version());
            m.put("dischargeSummary", d.dischargeSummary());
        }
        return m;
    }
}
