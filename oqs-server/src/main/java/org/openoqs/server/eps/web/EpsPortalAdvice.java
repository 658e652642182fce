package org.openoqs.server.eps.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the portal's shared header needs on the 電子処方箋 pages (the signed-in account, the certificate's facility),
 * as the portal's own advice gives its pages, and the same Japanese failure page — never a stack trace.
 */
@ControllerAdvice(basePackageClasses = EpsPortalAdvice.class)
public class EpsPortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(EpsPortalAdvice.class);

    @ModelAttribute("portalUser")
    PortalUser portalUser(@AuthenticationPrincipal Object principal) {
        return principal instanceof PortalUser user ? user : null;
    }

    @ModelAttribute("facility")
    Facility facility(HttpServletRequest request) {
        return CertifiedFacility.find(request).map(CertifiedFacility::facility).orElse(null);
    }

    @ExceptionHandler(ResponseStatusException.class)
    String refused(ResponseStatusException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("message", e.getReason());
        return "web/refused";
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model) {
        log.error("e-prescription portal failure", e);
        model.addAttribute("message", "システムエラーが発生しました。時間をおいてもう一度操作してください。");
        return "web/refused";
    }
}
