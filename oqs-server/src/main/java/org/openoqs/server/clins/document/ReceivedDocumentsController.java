package org.openoqs.server.clins.document;

import java.nio.charset.StandardCharsets;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 医療情報閲覧 → 受信文書 (docs/clins.md "Documents"): the documents addressed to the facility — before the patient's
 * consent only that one waits — and one document rendered in Japanese sections with its attached 退院時サマリー. The
 * {@link DocumentInbox} checks the switch and the consent and audits every list, read and refusal.
 */
@Controller
@PortalPage
@RequestMapping(PortalPaths.MEDICAL + "/documents")
public class ReceivedDocumentsController {

    private final DocumentInbox inbox;
    private final FacilityService facilities;
    private final ClinsFhir fhir;

    public ReceivedDocumentsController(DocumentInbox inbox, FacilityService facilities, ClinsFhir fhir) {
        this.inbox = inbox;
        this.facilities = facilities;
        this.fhir = fhir;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("documents", inbox.list(user.actor().accountId(), facilities.get(user.institutionCode())));
        return "web/medical/documents";
    }

    @GetMapping("/{identifier}")
    String document(@AuthenticationPrincipal PortalUser user, @PathVariable String identifier, Model model) {
        DocumentInbox.Read read = inbox.read(user.actor().accountId(), facilities.get(user.institutionCode()), identifier);
        model.addAttribute("stored", read.document());
        model.addAttribute("document", DocumentRendering.render(fhir.parseBundle(
                new String(read.bundle(), StandardCharsets.UTF_8))));
        return "web/medical/document";
    }

    /** No consent, not addressed here, switched off: the code and message, already audited by the inbox. */
    @ExceptionHandler(ClinsRefusedException.class)
    String refused(ClinsRefusedException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("errorCode", e.problems().get(0).code().code());
        model.addAttribute("message", e.problems().get(0).message());
        return "web/refused";
    }
}
