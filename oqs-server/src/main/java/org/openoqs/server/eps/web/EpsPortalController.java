package org.openoqs.server.eps.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openoqs.core.eps.EpsMessages;
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
        List<PrescriptionRow> rows = new ArrayList<>();
        result.path(EpsMessages.BODY).ifPresent(b -> b.children("PrescriptionIdList")
                .forEach(entry -> rows.add(PrescriptionRow.of(entry))));
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
        XmlNode body = result.path(EpsMessages.BODY).orElse(XmlNode.element(EpsMessages.BODY));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("処方箋ID", body.text("PrescriptionId").orElse(null));
        fields.put("状態", body.text("PrescriptionStatus").orElse(null));
        fields.put("発行形態", body.text("IssueType").map(t -> "1".equals(t) ? "電子処方箋" : "紙の処方箋").orElse(null));
        fields.put("処方した医療機関", body.text("MedicalInstitutionCode").orElse(null));
        fields.put("受付薬局", body.text("ReceptionPharmacyName")
                .map(n -> n + "（" + body.text("ReceptionPharmacyCode").orElse("") + "）").orElse(null));
        fields.put("伝達事項", body.text("MessageFlg").map(f -> "2".equals(f) ? "あり" : "なし").orElse(null));
        fields.values().removeIf(v -> v == null);
        model.addAttribute("fields", fields);
        body.child("DispensingResult").ifPresent(d -> {
            Map<String, String> dispensing = new LinkedHashMap<>();
            dispensing.put("調剤年月日", d.text("DispensingDate").orElse(""));
            dispensing.put("薬剤師", d.text("PharmacistName").orElse(""));
            d.text("Message").ifPresent(m -> dispensing.put("伝達事項", m));
            List<String> drugs = new ArrayList<>();
            d.path("DispensedMedicationList").ifPresent(l -> l.children("DispensedMedication").forEach(m -> drugs.add(
                    m.text("DrugName").orElse("") + "　" + m.text("Quantity").orElse("") + m.text("Unit").orElse("")
                            + "　" + m.text("Days").orElse("") + "日分")));
            model.addAttribute("dispensing", dispensing);
            model.addAttribute("dispensedDrugs", drugs);
        });
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
        String code = result.path(EpsMessages.BODY, "ProcessingResultCode").map(XmlNode::text)
                .or(() -> result.path(EpsMessages.HEADER, "ErrorCode").map(XmlNode::text)).orElse(null);
        String message = result.path(EpsMessages.BODY, "ProcessingResultMessage").map(XmlNode::text)
                .or(() -> result.path(EpsMessages.HEADER, "ErrorMessage").map(XmlNode::text)).orElse(null);
        model.addAttribute("resultCode", code);
        model.addAttribute("resultMessage", message);
    }

    private static void requireAdmin(PortalUser user) {
        if (user.kind() != AccountKind.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "管理アカウントのみ設定できます");
        }
    }
}
