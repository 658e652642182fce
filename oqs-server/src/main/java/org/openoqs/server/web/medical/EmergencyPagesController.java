package org.openoqs.server.web.medical;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.openoqs.core.clins.ClinsItemSummary;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.emergency.EmergencyReason;
import org.openoqs.server.emergency.EmergencyCardRequests;
import org.openoqs.server.emergency.EmergencyRefusedException;
import org.openoqs.server.emergency.EmergencyViewing;
import org.openoqs.server.emergency.SecondFactor;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.openoqs.server.web.security.SecondFactorSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 救急時医療情報閲覧 (docs/emergency-view.md): for a 医療情報閲覧 account holding 救急時閲覧権限 at a hospital that
 * switched the service on — TOTP enrolment, the second factor of this session, then the patient by insurance key
 * with a reason and the 救急用サマリー without consent. Every condition is checked by {@link EmergencyViewing} on every
 * request; this class only decides which page answers.
 */
@Controller
@PortalPage
@RequestMapping(PortalPaths.EMERGENCY)
public class EmergencyPagesController {

    private static final String ENROL = PortalPaths.EMERGENCY + "/enrol";
    private static final String VERIFY = PortalPaths.EMERGENCY + "/verify";

    /** A 電子カルテ情報 item as the summary lists it. */
    record ClinicalItemRow(String kind, String name, String date, String registered, String institution,
                           boolean uninformed) {

        static ClinicalItemRow of(ClinsItemSummary i) {
            return new ClinicalItemRow(i.kind().label(), i.name(),
                    i.clinicalDate() == null ? MedicalViews.ABSENT : i.clinicalDate().format(MedicalViews.DATE),
                    i.registeredDate().format(MedicalViews.DATE), i.institutionCode(), i.uninformed());
        }
    }

    private final EmergencyViewing viewing;
    private final SecondFactor secondFactor;

    public EmergencyPagesController(EmergencyViewing viewing, SecondFactor secondFactor) {
        this.viewing = viewing;
        this.secondFactor = secondFactor;
    }

    @ModelAttribute("reasons")
    EmergencyReason[] reasons() {
        return EmergencyReason.values();
    }

    @GetMapping
    String search(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        viewing.admit(user, facility(request), "search");
        if (!secondFactor.enrolled(user)) {
            return "redirect:" + ENROL;
        }
        if (!SecondFactorSession.passed(request, user)) {
            return "redirect:" + VERIFY;
        }
        model.addAttribute("form", new EmergencyViewing.Request("", "", "", "", "", ""));
        return "web/emergency/search";
    }

    @GetMapping("/enrol")
    String enrolment(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        viewing.admit(user, facility(request), "enrol");
        if (secondFactor.enrolled(user)) {
            return "redirect:" + VERIFY;
        }
        model.addAttribute("enrolment", secondFactor.pendingEnrolment(user));
        return "web/emergency/enrol";
    }

    @PostMapping("/enrol")
    String confirmEnrolment(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String code,
                            HttpServletRequest request, HttpServletResponse response, Model model,
                            RedirectAttributes flash) {
        viewing.admit(user, facility(request), "enrol");
        if (secondFactor.enrolled(user)) {
            return "redirect:" + VERIFY; // enrolled meanwhile (another tab): the code goes to the second factor
        }
        try {
            secondFactor.confirmEnrolment(user, code);
        } catch (EmergencyRefusedException refused) {
            if (refused.code() == ErrorCode.SECOND_FACTOR_NOT_ENROLLED) {
                throw refused;
            }
            response.setStatus(status(refused));
            model.addAttribute("errors", List.of(refused.shown()));
            model.addAttribute("enrolment", secondFactor.pendingEnrolment(user));
            return "web/emergency/enrol";
        }
        SecondFactorSession.markPassed(request, user);
        flash.addFlashAttribute("info", "ワンタイムパスワードを登録しました。二要素認証が完了しています。");
        return "redirect:" + PortalPaths.EMERGENCY;
    }

    @GetMapping("/verify")
    String verification(@AuthenticationPrincipal PortalUser user, HttpServletRequest request) {
        viewing.admit(user, facility(request), "verify");
        if (!secondFactor.enrolled(user)) {
            return "redirect:" + ENROL;
        }
        return "web/emergency/verify";
    }

    @PostMapping("/verify")
    String verify(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String code,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        viewing.admit(user, facility(request), "verify");
        try {
            secondFactor.verify(user, code);
        } catch (EmergencyRefusedException refused) {
            if (refused.code() == ErrorCode.SECOND_FACTOR_NOT_ENROLLED) {
                throw refused;
            }
            response.setStatus(status(refused));
            model.addAttribute("errors", List.of(refused.shown()));
            return "web/emergency/verify";
        }
        SecondFactorSession.markPassed(request, user);
        flash.addFlashAttribute("info", "二要素認証が完了しました。");
        return "redirect:" + PortalPaths.EMERGENCY;
    }

    @PostMapping("/summary")
    String summary(@AuthenticationPrincipal PortalUser user, @ModelAttribute("form") EmergencyViewing.Request form,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        EmergencyViewing.Summary summary;
        try {
            // a revoke deletes the enrolment: a mark from before it (a re-grant since) no longer counts
            boolean passed = SecondFactorSession.passed(request, user) && secondFactor.enrolled(user);
            summary = viewing.summary(user, facility(request), passed, form);
        } catch (EmergencyRefusedException refused) {
            if (!refused.formProblem()) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", List.of(refused.shown()));
            return "web/emergency/search";
        }
        return summaryPage(summary, model);
    }

    /** A 受付番号 for the card reader (docs/emergency-view.md "Identifying the patient by card"). */
    @PostMapping("/card-request")
    String cardRequest(@AuthenticationPrincipal PortalUser user, HttpServletRequest request, Model model) {
        EmergencyCardRequests.Issued issued = viewing.requestCard(user, facility(request), passed(user, request));
        model.addAttribute("form", new EmergencyViewing.Request("", "", "", "", "", ""));
        model.addAttribute("cardRequest", issued);
        model.addAttribute("cardRequestUntil", java.time.LocalDateTime.ofInstant(issued.expiresAt(),
                org.openoqs.server.ServerConfig.TOKYO).format(MedicalViews.MINUTE));
        return "web/emergency/search";
    }

    /** The summary of the patient whose card the reader read for this account's 受付番号. */
    @PostMapping("/summary-by-card")
    String summaryByCard(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String requestCode,
                         @RequestParam(defaultValue = "") String reasonCode,
                         @RequestParam(defaultValue = "") String reasonText, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        EmergencyViewing.Summary summary;
        try {
            summary = viewing.summaryByCard(user, facility(request), passed(user, request), requestCode, reasonCode,
                    reasonText);
        } catch (EmergencyRefusedException refused) {
            if (!refused.formProblem()) {
                throw refused;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", List.of(refused.shown()));
            model.addAttribute("form", new EmergencyViewing.Request("", "", "", "", reasonCode, reasonText));
            return "web/emergency/search";
        }
        return summaryPage(summary, model);
    }

    /** A revoke deletes the enrolment: a mark from before it (a re-grant since) no longer counts. */
    private boolean passed(PortalUser user, HttpServletRequest request) {
        return SecondFactorSession.passed(request, user) && secondFactor.enrolled(user);
    }

    private String summaryPage(EmergencyViewing.Summary summary, Model model) {
        model.addAttribute("patient", MedicalViews.PatientHeader.of(summary.person()));
        model.addAttribute("reasonLabel", summary.reason().label()
                + (summary.reasonText().isEmpty() ? "" : "：" + summary.reasonText()));
        model.addAttribute("viewedAt", summary.viewedAt().format(MedicalViews.MINUTE));
        model.addAttribute("drugFrom", summary.drugPeriod().from().format(MedicalViews.MONTH_INPUT));
        model.addAttribute("drugTo", summary.drugPeriod().to().format(MedicalViews.MONTH_INPUT));
        model.addAttribute("rows", MedicalViews.drugRows(summary.dispensings()));
        model.addAttribute("diagnoses", summary.diagnoses().stream().map(MedicalViews.ClinicalRow::of).toList());
        model.addAttribute("surgeries", summary.surgeries().stream().map(MedicalViews.ClinicalRow::of).toList());
        model.addAttribute("clinicalItems", summary.clinicalItems().stream().map(ClinicalItemRow::of).toList());
        return "web/emergency/summary";
    }

    /** Refusals of the facility, the account or the session: the refusal page with the code (already audited). */
    @ExceptionHandler(EmergencyRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(EmergencyRefusedException e, Model model) {
        model.addAttribute("errorCode", e.code().code());
        model.addAttribute("message", e.code().message());
        return "web/refused";
    }

    private static int status(EmergencyRefusedException refused) {
        return refused.code() == ErrorCode.SECOND_FACTOR_LOCKED ? HttpServletResponse.SC_FORBIDDEN
                : HttpServletResponse.SC_BAD_REQUEST;
    }

    private static Facility facility(HttpServletRequest request) {
        return CertifiedFacility.of(request).facility();
    }
}
