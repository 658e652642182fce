package org.openoqs.server.notice;

import java.util.Optional;
import org.openoqs.server.web.security.PageAfterSignIn;
import org.openoqs.server.web.security.PortalPaths;
import org.openoqs.server.web.security.PortalUser;
import org.springframework.stereotype.Component;

/** After signing in, a person with unread notices sees the notice list first (seed chapter 7: お知らせ一覧). */
@Component
class UnreadNoticesFirst implements PageAfterSignIn {

    private final NoticeService notices;

    UnreadNoticesFirst(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public Optional<String> pathFor(PortalUser user) {
        return notices.unread(user.institutionCode(), user.accountId()).isEmpty()
                ? Optional.empty() : Optional.of(PortalPaths.NOTICES);
    }
}
