package org.openoqs.server.homecare;

import org.openoqs.server.facility.FacilityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code GET /zaitaku/{token}}: where a facility's マイナ在宅受付Web QR code leads — open to anyone (a patient's phone
 * has no facility certificate; {@link HomeCareUrlSecurity}). It names the facility and the care setting; an unknown or
 * replaced token gets 404 and names nothing. The card reading itself is done at the facility's reader in openoqs
 * ({@code oqs reader confirm --care home-visit|online}); the page says so.
 */
@Controller
public class ReceptionPageController {

    private final HomeCareUrlService urls;
    private final FacilityService facilities;

    public ReceptionPageController(HomeCareUrlService urls, FacilityService facilities) {
        this.urls = urls;
        this.facilities = facilities;
    }

    @GetMapping(HomeCareUrlService.PATH + "{token}")
    String landing(@PathVariable("token") String token, Model model) {
        HomeCareUrlService.Landing landing = urls.landing(token).orElseThrow(UnknownReceptionUrl::new);
        model.addAttribute("facilityName", facilities.get(landing.institutionCode()).name());
        model.addAttribute("treatment", landing.treatment().label());
        return "zaitaku";
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class UnknownReceptionUrl extends RuntimeException {
        UnknownReceptionUrl() {
            super("この受付URLは無効です", null, false, false);
        }
    }
}
