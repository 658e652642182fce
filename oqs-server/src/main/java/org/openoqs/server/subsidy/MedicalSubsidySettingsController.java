package org.openoqs.server.subsidy;

import java.util.List;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 環境設定 「医療費助成情報」 (under {@code /web/settings}, so administrator accounts only): 利用する / 利用しない.
 * Choosing 利用する stands for accepting PMH's terms for facilities (docs/pmh.md).
 */
@Controller
@PortalPage
public class MedicalSubsidySettingsController {

    public static final String PATH = PortalPaths.SETTINGS + "/medical-subsidy";

    private final MedicalSubsidySettings settings;

    public MedicalSubsidySettingsController(MedicalSubsidySettings settings) {
        this.settings = settings;
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("enabled", settings.enabled(user.institutionCode()));
        return "web/medical-subsidy";
    }

    @PostMapping(PATH)
    String save(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "medicalSubsidy", required = false)
            String value, RedirectAttributes flash) {
        if (!"0".equals(value) && !"1".equals(value)) {
            flash.addFlashAttribute("errors", List.of("医療費助成情報は「利用する」または「利用しない」を選択してください。"));
            return "redirect:" + PATH;
        }
        settings.set(user.institutionCode(), "1".equals(value), user.accountId());
        flash.addFlashAttribute("info", "医療費助成情報の利用設定を保存しました。");
        return "redirect:" + PATH;
    }
}
