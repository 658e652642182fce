package org.openoqs.server.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openoqs.server.notice.Notice;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.web.security.PortalPage;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** お知らせ一覧: shown after login while there are new notices; 閉じる marks them seen and opens the menu. */
@Controller
@PortalPage
public class NoticeController {

    /** One notice as listed; {@code unread} marks it 新着. */
    public record NoticeLine(long id, String title, String body, String published, boolean unread) {
    }

    private final NoticeService notices;

    public NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GetMapping(PortalPaths.NOTICES)
    String list(@AuthenticationPrincipal PortalUser user, Model model) {
        Set<Long> unread = notices.unread(user.institutionCode(), user.accountId()).stream().map(Notice::id)
                .collect(Collectors.toSet());
        List<NoticeLine> lines = notices.current(user.institutionCode()).stream()
                .map(n -> new NoticeLine(n.id(), n.title(), n.body(), JstFormat.day(n.publishedFrom()),
                        unread.contains(n.id())))
                .toList();
        model.addAttribute("notices", lines);
        return "web/notices";
    }

    @PostMapping(PortalPaths.NOTICES + "/close")
    String close(@AuthenticationPrincipal PortalUser user) {
        notices.markRead(user.institutionCode(), user.accountId(), notices.current(user.institutionCode()));
        return "redirect:" + PortalPaths.MENU;
    }
}
