package org.openoqs.server.web.security;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's session cookie: sent over HTTPS only ({@code Secure}), invisible to scripts ({@code HttpOnly}),
 * never sent on cross-site requests ({@code SameSite=Strict}), and the only way a session is tracked (no
 * {@code ;jsessionid=} in URLs).
 */
@Configuration(proxyBeanMethods = false)
public class SessionCookieSettings {

    @Bean
    ServletContextInitializer portalSessionCookie() {
        return servletContext -> {
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setSecure(true);
            cookie.setHttpOnly(true);
            servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        };
    }

    @Bean
    CookieSameSiteSupplier portalSameSite() {
        return CookieSameSiteSupplier.ofStrict();
    }
}
