package org.openoqs.server.web;

import org.openoqs.server.emergency.EmergencyPermissions;
import org.openoqs.server.emergency.EmergencyRefusedException;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 救急時閲覧権限 in アカウント管理: the administrator grants it to, or revokes it from, a 医療情報閲覧 account
 * ({@link EmergencyPermissions} decides and audits).
 */
@Controller
@PortalPage
public class EmergencyPermissionController {

    private final EmergencyPermissions permissions;

    public EmergencyPermissionController(EmergencyPermissions permissions) {
        this.permissions = permissions;
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/emergency-permission/grant")
    String grant(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, RedirectAttributes flash) {
        permissions.grant(user.actor(), accountId);
        flash.addFlashAttribute("info", accountId + " に救急時閲覧権限を付与しました。初回の閲覧時にワンタイムパスワードの登録が必要です。");
        return "redirect:" + PortalPaths.ACCOUNTS;
    }

    @PostMapping(PortalPaths.ACCOUNTS + "/{accountId}/emergency-permission/revoke")
    String revoke(@AuthenticationPrincipal PortalUser user, @PathVariable String accountId, RedirectAttributes flash) {
        permissions.revoke(user.actor(), accountId);
        flash.addFlashAttribute("info", accountId + " の救急時閲覧権限を取り消しました。");
        return "redirect:" + PortalPaths.ACCOUNTS;
    }

    /** A clinic, or an account that is not a 医療情報閲覧 account: the code and message (already audited). */
    @ExceptionHandler(EmergencyRefusedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String refused(EmergencyRefusedException e, Model model) {
        model.addAttribute("errorCode", e.code().code());
        model.addAttribute("message", e.code().message());
        return "web/refused";
    }
}
