package org.openoqs.server.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Portal sessions live in the database (Spring Session JDBC, tables {@value #TABLE} and {@value #TABLE}_attributes
 * of {@code V60__portal_sessions.sql}), not in one server's memory: every instance behind a plain round-robin
 * balancer serves every signed-in browser, and a session ends everywhere at once (logout, idle timeout).
 *
 * <ul>
 *   <li>idle timeout: {@code oqs.web.session-timeout} (30 minutes), for every session, also the anonymous one that
 *       holds the login form's CSRF token;</li>
 *   <li>expired rows are deleted by each instance on {@code oqs.web.session-cleanup-cron} (every 5 minutes by
 *       default; an expired session is refused on its next request anyway, the clean-up only keeps the table
 *       small). The statement is one indexed DELETE, harmless when several instances run it;</li>
 *   <li>the session cookie is read and written by {@link PortalSessionIdResolver}, never on the terminal API.</li>
 * </ul>
 * Spring Boot's auto-configuration builds the repository and its filter; this class only adjusts them. Schema
 * creation by Spring Session is switched off (CentralServer): Flyway owns the tables.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSessionStore {

    /** The session table; its attributes are in {@code web_session_attributes}. */
    public static final String TABLE = "web_session";

    /** Every 5 minutes, at second 0 (Spring's six-field cron: second minute hour day month weekday). */
    public static final String DEFAULT_CLEANUP_CRON = "0 */5 * * * *";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> portalSessionRepository(PortalSecurity portal,
            @Value("${oqs.web.session-cleanup-cron:" + DEFAULT_CLEANUP_CRON + "}") String cleanupCron) {
        return repository -> {
            repository.setTableName(TABLE);
            repository.setDefaultMaxInactiveInterval(portal.sessionTimeout());
            repository.setCleanupCron(cleanupCron);
        };
    }

    @Bean
    HttpSessionIdResolver portalSessionIdResolver() {
        return new PortalSessionIdResolver();
    }
}
