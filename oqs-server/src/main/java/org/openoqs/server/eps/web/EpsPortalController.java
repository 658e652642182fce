package org.openoqs.server.eps.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.codec.eps.EpsResults;
import org.openoqs.core.eps.DispensingResult;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.PrescriptionSelectionTiming;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.eps.EpsService;
import org.openoqs.server.eps.EpsSettings;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 電子処方箋 in the portal ({@code /web/eps/**}, every signed-in account of the facility; the portal's chain checks
 * login, certificate and CSRF): search by insurance numbers and issue dates, and the status of one prescription.
 * Both go through {@link EpsService} exactly as a terminal's request would — same rules, same codes, same audit —
 * with the account as the actor. {@code /web/eps/settings}: OQSCD039 (管理アカウント only).
 */
@Controller
@PortalPage
public class EpsPortalController {

    static final String BASE = "/web/eps";

    private final EpsService eps;
    private final EpsSettings settings;
    private final Clock clock;

    public EpsPortalController(EpsService eps, EpsSettings settings, Clock clock) {
        this.eps = eps;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String searchForm(HttpServletRequest request, Model model) {
        Facility facility = CertifiedFacility.of(request).facility();
        model.addAttribute("form", Map.of());
        model.addAttribute("optedOut", facility.settings().ePrescription() == EPrescriptionUse.NOT_USED);
        model.addAttribute("pharmacy", facility.kind().scoreTable() == '4');
        return "eps/search";
    }

    @PostMapping(BASE + "/search")
    String search(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model,
            @RequestParam Map<String, String> form) {
        Facility facility = CertifiedFacility.of(request).facility();
        XmlNode.Builder body = XmlNode.builder(EpsMessages.BODY);
        for (String name : List.of("InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber",
                "InsuredBranchNumber", "IssueDateFrom", "IssueDateTo")) {
            String value = form.get(name);
            body.leaf(name, value == null || value.isBlank() ? null : value.strip());
        }
        XmlNode result = call(user, facility, EpsOperation.SEARCH, body);
        List<PrescriptionRow> rows = result.path(EpsMessages.BODY).map(EpsResults::listed).orElse(List.of()).stream()
                .map(PrescriptionRow::of).toList();
        model.addAttribute("form", form);
        model.addAttribute("optedOut", facility.settings().ePrescription() == EPrescriptionUse.NOT_USED);
        model.addAttribute("pharmacy", facility.kind().scoreTable() == '4');
        model.addAttribute("rows", rows);
        model.addAttribute("searched", true);
        addOutcome(model, result);
        return "eps/search";
    }

    @GetMapping(BASE + "/prescriptions/{id}")
    String status(@AuthenticationPrincipal PortalUser user, @PathVariable("id") String id, HttpServletRequest request,
            Model model) {
        Facility facility = CertifiedFacility.of(request).facility();
        XmlNode result = call(user, facility, EpsOperation.STATUS, XmlNode.builder(EpsMessages.BODY)
                .leaf("PrescriptionId", EpsMessages.isPrescriptionId(id) ? id : "-"));
        addOutcome(model, result);
        EpsResults.StatusView shown = EpsResults.readStatus(
                result.path(EpsMessages.BODY).orElse(XmlNode.element(EpsMessages.BODY)));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("処方箋ID", shown.prescriptionId());
        fields.put("状態", shown.status());
        fields.put("発行形態", shown.issueType() == null ? null : "1".equals(shown.issueType()) ? "電子処方箋" : "紙の処方箋");
        fields.put("処方した医療機関", shown.institutionCode());
        fields.put("受付薬局", shown.receptionPharmacyName() == null ? null : shown.receptionPharmacyName() + "（"
                + Objects.requireNonNullElse(shown.receptionPharmacyCode(), "") + "）");
        fields.put("伝達事項", shown.messageFlag() == null ? null : "2".equals(shown.messageFlag()) ? "あり" : "なし");
        fields.values().removeIf(v -> v == null);
        model.addAttribute("fields", fields);
        DispensingResult d = shown.dispensing();
        if (d != null) {
            Map<String, String> dispensing = new LinkedHashMap<>();
            dispensing.put("調剤年月日", d.dispensingDate().format(QualificationMessages.DATE));
            dispensing.put("薬剤師", d.pharmacistName());
            if (d.message() != null) {
                dispensing.put("伝達事項", d.message());
            }
            List<String> drugs = d.medications().stream().map(m -> m.drugName() + "　" + m.quantity() + m.unit()
                    + "　" + m.days() + "日分").toList();
            model.addAttribute("dispensing", dispensing);
            model.addAttribute("dispensedDrugs", drugs);
        }
        return "eps/status";
    }

    @GetMapping(BASE + "/settings")
    String settingsForm(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        requireAdmin(user);
        Facility facility = CertifiedFacility.of(request).facility();
        model.addAttribute("timings", PrescriptionSelectionTiming.values());
        model.addAttribute("current", settings.selectionTiming(facility.institutionCode()));
        model.addAttribute("readerAsks", settings.readerChoice(facility).readerAsks());
        return "eps/settings";
    }

    @PostMapping(BASE + "/settings")
    String saveSettings(@AuthenticationPrincipal PortalUser user, HttpServletRequest request,
            @RequestParam(name = "selectionTiming", required = false) String timing, Model model) {
        requireAdmin(user);
        Facility facility = CertifiedFacility.of(request).facility();
        PrescriptionSelectionTiming chosen = CodeTable.find(PrescriptionSelectionTiming.class, timing).orElse(null);
        if (chosen == null) {
            model.addAttribute("errors", List.of("処方箋発行形態選択タイミングは 1 または 2 を選択してください。"));
        } else {
            settings.setSelectionTiming(facility.institutionCode(), chosen);
            model.addAttribute("info", "処方箋発行形態選択タイミングを「" + chosen.label() + "」に設定しました。");
        }
        return settingsForm(user, request, model);
    }

    private XmlNode call(PortalUser user, Facility facility, EpsOperation operation, XmlNode.Builder body) {
        XmlNode request = XmlNode.builder(EpsMessages.ROOT)
                .child(XmlNode.builder(EpsMessages.HEADER).leaf("MedicalInstitutionCode", facility.institutionCode())
                        .leaf("ArbitraryFileIdentifier", "WEB-" + user.accountId() + "-" + clock.millis()).build())
                .child(body.build()).build();
        return eps.handle(user.institutionCode(), user.accountId(), facility, operation, request);
    }

    private static void addOutcome(Model model, XmlNode result) {
        EpsResults.Outcome outcome = EpsResults.Outcome.of(result);
        model.addAttribute("resultCode", outcome.code());
        model.addAttribute("resultMessage", outcome.message());
    }

    private static void requireAdmin(PortalUser user) {
        if (user.kind() != AccountKind.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "管理アカウントのみ設定できます");
        }
    }
}
