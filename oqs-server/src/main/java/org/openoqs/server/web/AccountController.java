package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.server.account.Account;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * アカウント管理 (seed chapter 8). The master account manages administrator accounts; administrators manage the
 * personal and machine accounts. What may be done to whom is decided by {@link AccountService} on every request;
 * the page only offers what that allows. New and reset passwords are shown once, on the response to the POST.
 */
@Controller
@PortalPage
public class AccountController {

    /** One row of the list. */
    public record AccountLine(Account account, String lastLogin) {
    }

    private final AccountService accounts;
    private final EmergencyPermissions emergencyPermissions;

    public AccountController(AccountService accounts, EmergencyPermissions emergencyPermissions) {
        this.accounts = accounts;
        this.emergencyPermissions = emergencyPermissions;
    }

    @GetMapping(PortalPaths.ACCOUNTS)
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        model.addAttribute("accounts", accounts.managedBy(user.actor()).stream()
                .map(a -> new AccountLine(a, JstFormat.minute(a.lastLoginAt()))).toList());
        model.addAttribute("creatableKinds", new ArrayList<>(user.kind().manages()));
        model.addAttribute("emergencyHolders", emergencyPermissions.holders(user.institutionCode()));
        return "web/accounts";
    }

    @PostMapping(PortalPaths.ACCOUNTS)
    String create(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String displayName, Model model, HttpServletResponse response) {
        AccountKind requested = AccountKind.parse(kind).orElse(null);
        if (requested == null) {
            return invalid(user, model, response, List.of("作成するアカウントの種類を選択してください。"));
        }
        IssuedPassword issued;
        try {
            issued = accounts.create(user.actor(), requested, displayName);
        } catch (IllegalArgumentException badName) {
            return invalid(user, model, response, List.of(badName.getMessage()));
        }
        model.addAttribute("issued", issued);
        model.addAttribute("created", true);
        return "web/account-issued";
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/unlock")
    String unlock(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, RedirectAttributes flash) {
        accounts.unlock(user.actor(), accountId);
        flash.addFlashAttribute("info", accountId + " のロックを解除しました。");
        return "redirect:" + PortalPaths.ACCOUNTS;
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/reset-password")
    String resetPassword(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, Model model) {
        model.addAttribute("issued", accounts.resetPassword(user.actor(), accountId));
        model.addAttribute("created", false);
        return "web/account-issued";
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/disable")
    String disable(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, RedirectAttributes flash) {
        accounts.setEnabled(user.actor(), accountId, false);
        flash.addFlashAttribute("info", accountId + " を無効にしました。");
        return "redirect:" + PortalPaths.ACCOUNTS;
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/enable")
    String enable(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, RedirectAttributes flash) {
        accounts.setEnabled(user.actor(), accountId, true);
        flash.addFlashAttribute("info", accountId + " を有効にしました。");
        return "redirect:" + PortalPaths.ACCOUNTS;
    }

    private String invalid(PortalUser user, Model model, HttpServletResponse response, List<String> errors) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return list(user, model);
    }
}
