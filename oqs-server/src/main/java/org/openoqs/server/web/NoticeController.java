package org.openoqs.server.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openoqs.server.notice.Notice;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** お知らせ一覧: shown after login while there are new notices; 閉じる marks them seen and opens the menu. */
@Controller
public class NoticeController {

    private final NoticeService notices;

    public NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping(PortalPaths.NOTICES)
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        List<Notice> current = notices.current(user.institutionCode());
        Set<Long> unread = notices.unread(user.institutionCode(), user.accountId()).stream().map(Notice::id)
                .collect(Collectors.toSet());
        model.addAttribute("notices", current);
        model.addAttribute("unread", unread);
        return "web/notices";
    }

    @PostMapping(PortalPaths.NOTICES + "/close")
    String close(@AuthenticationPrincipal PortalUser user) {
        notices.markRead(user.institutionCode(), user.accountId(), notices.current(user.institutionCode()));
        return "redirect:" + PortalPaths.MENU;
    }
}
