package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Whether this portal session passed the TOTP second factor (救急時医療情報閲覧, docs/emergency-view.md). Kept as a
 * session attribute naming the account, so it lives in the shared session table like the sign-in itself; cleared at
 * every sign-in ({@link PortalLoginHandlers}), so a new sign-in — also of the same account in the same browser —
 * must pass it again.
 */
public final class SecondFactorSession {

    static final String ATTRIBUTE = "openoqs.secondFactorPassed";

    private SecondFactorSession() {
    }

    public static boolean passed(HttpServletRequest request, PortalUser user) {
        HttpSession session = request.getSession(false);
        return session != null && owner(user).equals(session.getAttribute(ATTRIBUTE));
    }

    /** Marks the session, under a new session id (the privilege changed, as at sign-in). */
    public static void markPassed(HttpServletRequest request, PortalUser user) {
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, owner(user));
    }

    static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    private static String owner(PortalUser user) {
        return user.institutionCode() + "/" + user.accountId();
    }
}
