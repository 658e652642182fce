package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Finds the portal session of a request in its session cookie ({@link SessionCookieSettings}) — except on the
 * terminal API ({@code /api/**}), which is stateless: there a session cookie is not even looked at, so a terminal
 * request never reads or refreshes a row of the session table, and never sets or clears the cookie, whatever a
 * client sends along.
 */
final class PortalSessionIdResolver implements HttpSessionIdResolver {

    private static final String API = "/api";

    private final CookieHttpSessionIdResolver cookies = new CookieHttpSessionIdResolver();

    PortalSessionIdResolver() {
        cookies.setCookieSerializer(SessionCookieSettings.cookieSerializer());
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        return terminalApi(request) ? List.of() : cookies.resolveSessionIds(request);
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        if (!terminalApi(request)) {
            cookies.setSessionId(request, response, sessionId);
        }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        if (!terminalApi(request)) {
            cookies.expireSession(request, response);
        }
    }

    static boolean terminalApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(API) || path.startsWith(API + "/");
    }
}
