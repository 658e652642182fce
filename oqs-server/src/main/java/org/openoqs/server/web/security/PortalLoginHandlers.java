package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openoqs.server.audit.AuditLog;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Where the portal goes after a login attempt and at logout:
 * <ul>
 *   <li>success → the forced password change when one is due, else the first page a feature asks for
 *       ({@link PageAfterSignIn}: the new notices when there are any, seed chapter 7: お知らせ一覧), else the menu; the session's idle timeout is set here;</li>
 *   <li>failure → the login page with one of three messages: wrong ID/password, locked, or too many attempts
 *       from this address;</li>
 *   <li>logout → audited.</li>
 * </ul>
 */
public final class PortalLoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler,
        LogoutHandler {

    public static final String LOGOUT_ACTION = "WEB_LOGOUT";

    private final List<PageAfterSignIn> firstPages;
    private final AuditLog audit;
    private final Duration sessionTimeout;

    public PortalLoginHandlers(List<PageAfterSignIn> firstPages, AuditLog audit, Duration sessionTimeout) {
        this.firstPages = List.copyOf(firstPages);
        this.audit = audit;
        this.sessionTimeout = sessionTimeout;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        request.getSession().setMaxInactiveInterval((int) sessionTimeout.toSeconds());
        SecondFactorSession.clear(request); // a new sign-in passes the second factor anew
        PortalUser user = (PortalUser) authentication.getPrincipal();
        String next = user.pendingPasswordChange() != null ? PortalPaths.PASSWORD_CHANGE
                : firstPages.stream().map(page -> page.pathFor(user)).flatMap(Optional::stream).findFirst()
                        .orElse(PortalPaths.MENU);
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
