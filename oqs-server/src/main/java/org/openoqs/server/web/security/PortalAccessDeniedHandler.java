package org.openoqs.server.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openoqs.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A signed-in account asked for something its type may not do (or posted a form without a valid CSRF token).
 * The server refuses with 403 and a Japanese page, and audits it; a session that still owes its forced password
 * change is sent there instead.
 */
public final class PortalAccessDeniedHandler implements AccessDeniedHandler {

    public static final String ACTION = "WEB_ACCESS_REFUSED";
    /** Request attribute with the message the refusal page shows. */
    public static final String MESSAGE_ATTRIBUTE = PortalAccessDeniedHandler.class.getName() + ".message";

    private static final Logger log = LoggerFactory.getLogger(PortalAccessDeniedHandler.class);
    private final AuditLog audit;

    public PortalAccessDeniedHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        PortalUser user = authentication != null && authentication.getPrincipal() instanceof PortalUser u ? u : null;
        if (user != null && user.pendingPasswordChange() != null && !(denied instanceof CsrfException)) {
            response.sendRedirect(request.getContextPath() + PortalPaths.PASSWORD_CHANGE);
            return;
        }
        String message = denied instanceof CsrfException
                ? "画面の有効期限が切れたか、不正な送信です。もう一度画面を開き直して操作してください。"
                : "この画面・操作を利用する権限がありません。";
        String reason = denied instanceof CsrfException ? "CSRF" : "ROLE " + (user == null ? "-" : user.kind());
        if (user == null) {
            // not signed in: nobody to hold to it, and anyone with a certificate could repeat it at any rate
            audit.anonymousRefusals().refused(request.getRemoteAddr(), request.getMethod() + " "
                    + request.getRequestURI(), ACTION, reason);
        } else {
            try {
                audit.append(user.institutionCode(), user.accountId(), ACTION,
                        request.getMethod() + " " + request.getRequestURI(), "REFUSED " + reason);
            } catch (RuntimeException e) {
                log.error("could not audit a refused portal request", e);
            }
        }
        request.setAttribute(MESSAGE_ATTRIBUTE, message);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(PortalPaths.REFUSED).forward(request, response);
    }
}
