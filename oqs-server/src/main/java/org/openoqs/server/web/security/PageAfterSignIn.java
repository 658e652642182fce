package org.openoqs.server.web.security;

import java.util.Optional;

/**
 * A page a feature wants a person to see before the menu, right after signing in (the お知らせ一覧 while there are
 * unread notices: seed chapter 7). The portal's sign-in collects every such bean, so it names no feature itself;
 * the forced password change always comes first.
 */
public interface PageAfterSignIn {

    /** The portal path to open first for this person, or empty when the feature has nothing to show. */
    Optional<String> pathFor(PortalUser user);
}
