package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 環境設定 (seed chapter 9), for administrator accounts only (文字コードの変更は管理アカウントでのみ実施可能). */
@Controller
@PortalPage
public class SettingsController {

    private final FacilityService facilities;
    private final EnvironmentSettings settings;

    public SettingsController(FacilityService facilities, EnvironmentSettings settings) {
        this.facilities = facilities;
        this.settings = settings;
    }

    @GetMapping(PortalPaths.SETTINGS)
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        Facility facility = facilities.get(user.institutionCode());
        return page(facility, SettingsForm.of(facility.settings()), model);
    }

    @PostMapping(PortalPaths.SETTINGS)
    String save(@AuthenticationPrincipal PortalUser user, @ModelAttribute SettingsForm form, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        Facility facility = facilities.get(user.institutionCode());
        SettingsForm.Parsed parsed = form.parse();
        List<String> errors = parsed.errors().isEmpty() ? settings.change(user, parsed.settings()) : parsed.errors();
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return page(facility, form, model);
        }
        flash.addFlashAttribute("info", "環境設定を保存しました。資格確認端末の次の結果から反映されます。");
        return "redirect:" + PortalPaths.SETTINGS;
    }

    private static String page(Facility facility, SettingsForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("hospital", facility.hospital());
        model.addAttribute("ePrescriptionUses", EPrescriptionUse.values());
        return "web/settings";
    }
}
