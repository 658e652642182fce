package org.openoqs.server.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes the portal's refusal page for a browser that did not present a valid certificate of a registered facility
 * ({@code templates/web/certificate-required.html}). Rendered outside Spring MVC because the refusal happens in
 * a security filter, before any controller.
 */
@Component
public class CertificateRefusal {

    private final ITemplateEngine templates;

    public CertificateRefusal(ITemplateEngine templates) {
        this.templates = templates;
    }

    public void write(HttpServletResponse response, HttpStatus status, String reason) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Context model = new Context(Locale.JAPANESE);
        model.setVariable("reason", reason);
        String html = templates.process("web/certificate-required", model);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html);
        response.flushBuffer();
    }
}
