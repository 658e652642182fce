package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.notice.NoticeService;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Where the portal goes after a login attempt and at logout:
 * <ul>
 *   <li>success → the forced password change when one is due, else the new notices when there are any (seed
 *       chapter 7: お知らせ一覧), else the menu; the session's idle timeout is set here;</li>
 *   <li>failure → the login page with one of three messages: wrong ID/password, locked, or too many attempts
 *       from this address;</li>
 *   <li>logout → audited.</li>
 * </ul>
 */
public final class PortalLoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
        LogoutHandler {

    public static final String LOGOUT_ACTION = "WEB_LOGOUT";

    private final NoticeService notices;
    private final AuditLog audit;
    private final Duration sessionTimeout;

    public PortalLoginHandlers(NoticeService notices, AuditLog audit, Duration sessionTimeout) {
        this.notices = notices;
        this.audit = audit;
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        request.getSession().setMaxInactiveInterval((int) sessionTimeout.toSeconds());
        SecondFactorSession.clear(request); // a new sign-in passes the second factor anew
        PortalUser user = (PortalUser) authentication.getPrincipal();
        String next;
        if (user.pendingPasswordChange() != null) {
            next = PortalPaths.PASSWORD_CHANGE;
        } else if (!notices.unread(user.institutionCode(), user.accountId()).isEmpty()) {
            next = PortalPaths.NOTICES;
        } else {
            next = PortalPaths.MENU;
        }
        response.sendRedirect(request.getContextPath() + next);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String error = exception instanceof LockedException ? "locked"
                : exception instanceof LoginThrottledException ? "throttled" : "credentials";
        response.sendRedirect(request.getContextPath() + PortalPaths.LOGIN + "?error=" + error);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            audit.append(user.institutionCode(), user.accountId(), LOGOUT_ACTION, "account=" + user.accountId(), "OK");
        }
    }
}
