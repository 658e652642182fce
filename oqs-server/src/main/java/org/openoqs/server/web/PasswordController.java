package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.PasswordPolicy;
import org.openoqs.server.account.PasswordRejectedException;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * パスワード変更. The forced change after sign-in (new password twice, as on the seed's screen) and the voluntary
 * one from the menu (current password too). A successful forced change gives the session its role.
 */
@Controller
@PortalPage
public class PasswordController {

    private final AccountService accounts;
    private final NoticeService notices;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public PasswordController(AccountService accounts, NoticeService notices) {
        this.accounts = accounts;
        this.notices = notices;
    }

    @GetMapping(PortalPaths.PASSWORD_CHANGE)
    String form(@AuthenticationPrincipal PortalUser user, Model model) {
        return page(user, model);
    }

    @PostMapping(PortalPaths.PASSWORD_CHANGE)
    String change(@AuthenticationPrincipal PortalUser user,
                  @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean forced = user.pendingPasswordChange() != null;
        try {
            HttpSession session = request.getSession(false);
            accounts.changeOwnPassword(user.actor(), currentPassword, newPassword, confirmPassword, forced,
                    session == null ? null : session.getId());
        } catch (PasswordRejectedException rejected) {
            model.addAttribute("errors", rejected.reasons());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(user, model);
        }
        if (forced) {
            PortalUser full = user.passwordChanged();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(full.authentication());
            SecurityContextHolder.setContext(context);
            request.changeSessionId(); // new rights, new session id
            contexts.saveContext(context, request, response);
            return "redirect:" + (notices.unread(user.institutionCode(), user.accountId()).isEmpty()
                    ? PortalPaths.MENU : PortalPaths.NOTICES);
        }
        model.addAttribute("changed", true);
        return page(user, model);
    }

    private static String page(PortalUser user, Model model) {
        model.addAttribute("forced", user.pendingPasswordChange() != null);
        model.addAttribute("reason", user.pendingPasswordChange() == null ? null : user.pendingPasswordChange().message());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        model.addAttribute("history", PasswordPolicy.HISTORY - 1);
        return "web/password-change";
    }
}
