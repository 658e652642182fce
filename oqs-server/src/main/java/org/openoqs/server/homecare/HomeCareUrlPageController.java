package org.openoqs.server.homecare;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.openoqs.core.codec.homecare.UrlResults;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.homecare.UrlRequest;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 医療機関別 URL 取得・変更 (admin manual; under 環境設定, so administrator accounts only): the facility's マイナ在宅受付Web
 * URL and QR code for 訪問診療等 and オンライン診療等, the same {@link HomeCareUrlService} the {@code OQSsiurl01req_}
 * file uses; 「URLを変更する」 replaces one (the old URL and printed codes stop working).
 */
@Controller
@PortalPage
public class HomeCareUrlPageController {

    public static final String PATH = PortalPaths.SETTINGS + "/home-care-url";

    private final HomeCareUrlService urls;
    private final String configuredBase;

    public HomeCareUrlPageController(HomeCareUrlService urls,
            @Value("${oqs.home-care.reception-base-url:}") String configuredBase) {
        this.urls = urls;
        this.configuredBase = configuredBase;
    }

    /** One care setting's URL as shown. */
    public record Shown(String setting, String label, String url, String issuedAt, String qrPngBase64) {
    }

    @GetMapping(PATH)
    String page(@AuthenticationPrincipal PortalUser user, Model model) {
        List<Shown> shown = new ArrayList<>();
        for (MedicalTreatmentFlag t : List.of(MedicalTreatmentFlag.HOME_VISIT, MedicalTreatmentFlag.ONLINE)) {
            UrlResults.IssuedUrl issued = urls.issue(user.institutionCode(), "web:" + user.accountId(), base(), t,
                    UrlRequest.QrFileFormat.PNG, false);
            shown.add(new Shown(t.cliName(), t.label(), issued.url(),
                    org.openoqs.core.codec.QualificationMessages.DATE_TIME.format(issued.issuedAt()),
                    Base64.getEncoder().encodeToString(issued.file())));
        }
        model.addAttribute("urls", shown);
        return "web/home-care-url";
    }

    @PostMapping(PATH)
    String regenerate(@AuthenticationPrincipal PortalUser user, @RequestParam("setting") String setting,
            RedirectAttributes flash) {
        MedicalTreatmentFlag treatment = MedicalTreatmentFlag.ofName(setting)
                .filter(t -> t == MedicalTreatmentFlag.HOME_VISIT || t == MedicalTreatmentFlag.ONLINE).orElse(null);
        if (treatment == null) {
            flash.addFlashAttribute("errors", List.of("変更するURLの種別が正しくありません。"));
            return "redirect:" + PATH;
        }
        urls.issue(user.institutionCode(), "web:" + user.accountId(), base(), treatment, UrlRequest.QrFileFormat.PNG, true);
        flash.addFlashAttribute("info", treatment.label() + "のURLを変更しました。以前のURL・二次元コードは利用できません。");
        return "redirect:" + PATH;
    }

    private String base() {
        return configuredBase.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configuredBase;
    }
}
