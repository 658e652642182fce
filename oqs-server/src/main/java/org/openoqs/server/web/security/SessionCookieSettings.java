package org.openoqs.server.web.security;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The portal's session cookie: sent over HTTPS only ({@code Secure}), invisible to scripts ({@code HttpOnly}),
 * never sent on cross-site requests ({@code SameSite=Strict}), and the only way a session is tracked (no
 * {@code ;jsessionid=} in URLs).
 *
 * <p>The sessions themselves live in the database ({@link PortalSessionStore}), so the cookie is written by Spring
 * Session ({@link #cookieSerializer()}), not by the servlet container; the container's own settings below stay as a
 * second line for any cookie the container writes itself.
 */
@Configuration(proxyBeanMethods = false)
public class SessionCookieSettings {

    /** The cookie's name, unchanged from the container sessions the portal had before (browsers, proxies, docs). */
    public static final String COOKIE_NAME = "JSESSIONID";

    /** How Spring Session writes and reads the portal's session cookie. */
    static DefaultCookieSerializer cookieSerializer() {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE_NAME);
        cookie.setUseSecureCookie(true);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Strict");
        // the session id is a random UUID, safe in a cookie as it is: the cookie then shows the very session_id of
        // the web_session row, which is what an operator looking for a session has in hand
        cookie.setUseBase64Encoding(false);
        return cookie;
    }

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
