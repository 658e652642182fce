package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openoqs.server.account.AccountNotFoundException;
import org.openoqs.server.account.AccountOperationRefusedException;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.medical.MedicalInformationRefusedException;
import org.openoqs.server.pdf.PdfFontUnavailableException;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
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
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every portal page gets (the signed-in account, the certificate's facility) and how failures look: a
 * Japanese page with the reason, never a stack trace. Limited to the portal's page controllers, which say so with
 * {@link PortalPage} whatever feature they belong to (the 電子処方箋 pages, the 医療費助成 and 居宅 URL settings
 * too); the terminal API has its own JSON handler.
 */
@ControllerAdvice(annotations = PortalPage.class)
public class PortalPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalPageAdvice.class);

    @ModelAttribute("portalUser")
    PortalUser portalUser(@AuthenticationPrincipal Object principal) {
        return principal instanceof PortalUser user ? user : null;
    }

    @ModelAttribute("facility")
    Facility facility(HttpServletRequest request) {
        return CertifiedFacility.find(request).map(CertifiedFacility::facility).orElse(null);
    }

    @ExceptionHandler(AccountNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String accountNotFound(AccountNotFoundException e, Model model) {
        model.addAttribute("message", "指定されたアカウントは見つかりません。");
        return "web/refused";
    }

    @ExceptionHandler(AccountOperationRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(AccountOperationRefusedException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "web/refused";
    }

    /** No consent in force: the interface's code and message; already audited by the service. */
    @ExceptionHandler(MedicalInformationRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String medicalInformationRefused(MedicalInformationRefusedException e, Model model) {
        model.addAttribute("errorCode", e.violation().code().code());
        model.addAttribute("message", e.violation().message());
        return "web/refused";
    }

    /** The service's PDF font setting is broken: not the viewer's fault, so 503 with the reason, never a 403. */
    @ExceptionHandler(PdfFontUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String pdfFontUnavailable(PdfFontUnavailableException e, Model model) {
        log.error("PDF not rendered: font {} unusable: {}", e.font().source(), e.font().problem().orElse(""));
        model.addAttribute("errorCode", e.code().code());
        model.addAttribute("message", e.getMessage());
        return "web/refused";
    }

    /** A page's own refusal with its status and Japanese reason (the 電子処方箋 settings: 管理アカウントのみ). */
    @ExceptionHandler(ResponseStatusException.class)
    String refusedWithStatus(ResponseStatusException e, Model model, HttpServletResponse response) {
        response.setStatus(e.getStatusCode().value());
        model.addAttribute("message", e.getReason());
        return "web/refused";
    }

    @ExceptionHandler(NoResourceFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "指定された画面は存在しません。");
        return "web/refused";
    }

    @ExceptionHandler(Exception.class)
    @ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
    String unexpected(Exception e, Model model) {
        log.error("web portal failure", e);
        model.addAttribute("message", "システムエラーが発生しました。時間をおいてもう一度操作してください。");
        return "web/refused";
    }
}
