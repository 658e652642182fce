package org.openoqs.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openoqs.server.web.security.PortalAccessDeniedHandler;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way in (seed chapter 7): the start page with 「システムの利用を始める→」, the login page, and the page shown
 * when the server refuses a request.
 */
@Controller
@PortalPage
public class EntryController {

    static final String BAD_CREDENTIALS = "IDまたはパスワードが正しくありません。";
    static final String LOCKED = "ログインに続けて失敗したため、アカウントがロックされています。"
            + "管理者（管理アカウントはマスタアカウント）にロックの解除を依頼してください。";
    static final String THROTTLED = "短時間にログインが繰り返されたため、受け付けを一時停止しています。"
            + "1分ほど待ってからもう一度ログインしてください。";
    static final String LOGGED_OUT = "ログアウトしました。";
    static final String TIMED_OUT = "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。";

    @GetMapping("/")
    String root() {
        return "redirect:" + PortalPaths.START;
    }

    @GetMapping(PortalPaths.START)
    String start() {
        return "web/start";
    }

    @GetMapping(PortalPaths.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 @RequestParam(required = false) String timeout, Model model) {
        if ("locked".equals(error)) {
            model.addAttribute("error", LOCKED);
        } else if ("throttled".equals(error)) {
            model.addAttribute("error", THROTTLED);
        } else if (error != null) {
            model.addAttribute("error", BAD_CREDENTIALS);
        } else if (timeout != null) {
            model.addAttribute("info", TIMED_OUT);
        } else if (logout != null) {
            model.addAttribute("info", LOGGED_OUT);
        }
        return "web/login";
    }

    /** Forward target of {@link PortalAccessDeniedHandler}; opened directly it still refuses. */
    @RequestMapping(PortalPaths.REFUSED)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object message = request.getAttribute(PortalAccessDeniedHandler.MESSAGE_ATTRIBUTE);
        model.addAttribute("message", message != null ? message : "この画面・操作を利用する権限がありません。");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "web/refused";
    }
}
