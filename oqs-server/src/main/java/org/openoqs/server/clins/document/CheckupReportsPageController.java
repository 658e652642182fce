package org.openoqs.server.clins.document;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openoqs.core.registry.Person;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 医療情報閲覧 → 健康診断結果報告書 (docs/clins.md "健康診断結果報告書: viewing"), the tab next to 特定健診情報: every
 * report registered for the patient and still retained, each rendered in its Japanese sections. {@link CheckupReports}
 * checks the switch and the 特定健診情報 consent and audits the view; a refusal is answered by the portal's advice with
 * its code and message (403).
 */
@Controller
@PortalPage
public class CheckupReportsPageController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");

    /** The patient as the screen's header shows them. */
    public record PatientHeader(String personId, String name, String kana, String birthdate, String sex) {

        static PatientHeader of(Person p) {
            return new PatientHeader(p.personId(), p.name(), p.nameKana(), p.birthdate().format(DATE),
                    p.sex() == null ? "－" : p.sex().label());
        }
    }

    /** One report: who registered it and when, and its sections. */
    public record ReportView(String identifier, String sender, String registered, String version,
            DocumentRendering.Rendered document) {
    }

    private final CheckupReports reports;
    private final ClinsFhir fhir;

    public CheckupReportsPageController(CheckupReports reports, ClinsFhir fhir) {
        this.reports = reports;
        this.fhir = fhir;
    }

    @GetMapping(PortalPaths.MEDICAL + "/patients/{personId:[A-Za-z0-9]{1,32}}/checkup-reports")
    String checkupReports(@AuthenticationPrincipal PortalUser user, @PathVariable String personId,
            HttpServletRequest request, Model model) {
        CheckupReports.Shown shown = reports.view(user.actor(), CertifiedFacility.of(request).facility(), personId);
        model.addAttribute("patient", PatientHeader.of(shown.person()));
        model.addAttribute("reports", views(shown.reports()));
        return "web/medical/checkup-reports";
    }

    private List<ReportView> views(List<CheckupReports.Report> shown) {
        return shown.stream().map(r -> new ReportView(r.document().identifier(), r.document().institutionCode(),
                DocumentService.tokyo(r.document().registeredAt()).format(MINUTE), r.document().version(),
                DocumentRendering.render(fhir.parseBundle(r.bundleJson())))).toList();
    }
}
