package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.inquiry.InquiryService;
import org.openoqs.server.web.security.CertifiedFacility;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 資格確認書／処方箋で確認 (seed chapter 12, 08): the numbers typed on the screen go through exactly the path a
 * request file takes — {@link InquiryService} (validation, registry, 医療扶助 setting, its own audit entry) — and
 * the result is shown field by field. The view itself is audited as {@value #ACTION} with the account that saw it.
 */
@Controller
@PortalPage
public class ManualInquiryController {

    public static final String ACTION = "ELIGIBILITY_VIEW";

    private final InquiryService inquiries;
    private final AuditLog audit;
    private final Clock clock;

    public ManualInquiryController(InquiryService inquiries, AuditLog audit, Clock clock) {
        this.inquiries = inquiries;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(PortalPaths.INQUIRY)
    String form(Model model) {
        model.addAttribute("form", InquiryForm.empty());
        return "web/inquiry";
    }

    @PostMapping(PortalPaths.INQUIRY)
    String inquire(@AuthenticationPrincipal PortalUser user, @ModelAttribute InquiryForm form,
                   HttpServletRequest request, Model model) {
        CertifiedFacility certified = CertifiedFacility.of(request);
        String fileId = "WEB-" + user.accountId() + "-" + clock.millis();
        QualificationInquiryResult result = inquiries.inquire(certified.certificate(), certified.facility(),
                QualificationMessages.requestToXml(form.toRequest(certified.institutionCode(), fileId,
                        LocalDate.now(clock))));
        model.addAttribute("form", form);
        if (result.isFileLevelError()) {
            return refused(user, fileId, result.header().errorCode(), result.header().errorMessage(), model);
        }
        if (result.body().processingResultStatus() == ProcessingResultStatus.ERROR) {
            return refused(user, fileId, result.body().processingResultCode(), result.body().processingResultMessage(),
                    model);
        }
        audit.append(user.institutionCode(), user.accountId(), ACTION, "file=" + fileId,
                "OK validity=" + result.body().qualificationValidity().code() + " records=" + result.body().results().size());
        model.addAttribute("result", QualificationResultView.of(result));
        return "web/inquiry-result";
    }

    /** An error result (file or person level) is an answer too: shown on the form with its code, audited. */
    private String refused(PortalUser user, String fileId, String code, String message, Model model) {
        audit.append(user.institutionCode(), user.accountId(), ACTION, "file=" + fileId, "ERROR " + code);
        model.addAttribute("errorCode", code);
        model.addAttribute("errorMessage", message);
        return "web/inquiry";
    }
}
