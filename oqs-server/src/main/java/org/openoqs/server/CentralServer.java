package org.openoqs.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.logging.LogFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * The central service, embeddable: {@code try (CentralServer s = CentralServer.start(cfg)) { … }}.
 *
 * <p>Starts a Spring Boot application programmatically. All settings come from the {@link ServerConfig}; no
 * {@code application.properties} from the working directory or the environment is consulted (the properties
 * built here take precedence over environment variables and system properties, and the config locations are
 * pinned to the classpath).
 */
public final class CentralServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CentralServer.class);

    private final ConfigurableApplicationContext context;
    private final ServerConfig config;
    private final int port;
    private final int managementPort;

    private CentralServer(ConfigurableApplicationContext context, ServerConfig config, int managementPort) {
        this.context = context;
        this.config = config;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.managementPort = managementPort;
    }

    /** Starts the service and returns once it accepts connections. */
    public static CentralServer start(ServerConfig cfg) {
        SpringApplication app = new SpringApplication(OqsServerApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        app.setRegisterShutdownHook(false); // the owner closes us (the demo handles SIGTERM itself)
        app.setLogStartupInfo(false);
        StandardServletEnvironment environment = new StandardServletEnvironment();
        int managementPort = cfg.managementPort() != 0 ? cfg.managementPort() : freePort(cfg.managementAddress());
        environment.getPropertySources().addFirst(new MapPropertySource("openoqs-server-config",
                properties(cfg, managementPort)));
        app.setEnvironment(environment);
        ListenerTlsStores tls = ListenerTlsStores.readInBackground(cfg); // while Spring starts (see the class)
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("serverConfig", cfg);
            ctx.getBeanFactory().registerSingleton("listenerTlsStores", tls.registrar());
        });
        BufferingApplicationStartup trace = Boolean.getBoolean("openoqs.startup.trace")
                ? new BufferingApplicationStartup(20_000) : null;
        if (trace != null) {
            app.setApplicationStartup(trace);
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext context = app.run();
        if (trace != null) {
            logSlowestSteps(trace);
        }
        CentralServer server = new CentralServer(context, cfg, managementPort);
        log.info("central service up on {} in {} ms (metrics: {})", server.baseUri(),
                (System.nanoTime() - started) / 1_000_000, server.metricsUri());
        return server;
    }

    /**
     * A free port for the actuator, chosen before start so that the security chain of the management port
     * ({@code security/ManagementPortSecurity}) knows it. Another process may take it in between: the start then
     * fails with "port in use" rather than serving metrics somewhere unexpected.
     */
    private static int freePort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free management port on " + address, e);
        }
    }

    /** The Spring properties derived from the configuration (visible for the CLI's diagnostics). */
    static Map<String, Object> properties(ServerConfig cfg, int managementPort) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.config.location", "optional:classpath:/org/openoqs/server/config/");
        p.put("spring.application.name", "openoqs-central");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.jmx.enabled", "false");
        p.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration",
                "org.springframework.boot.autoconfigure.admin.SpringApplicationAdminJmxAutoConfiguration",
                "org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration",
                "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
                "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration",
                "org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration",
                "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
                // metrics: Prometheus registry, JVM, process and the database pool (docs/metrics.md) plus the service's
                // own counters (metrics/OqsMetrics); no observations, they would wrap every request
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAspectsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration",
                "org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration",
                "org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration",
                "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.audit.AuditEventsEndpointAutoConfiguration"));
        // --- HTTPS with client certificates (mutual TLS) -------------------------------------------------
        p.put("server.port", Integer.toString(cfg.port()));
        if (cfg.bindAddress() != null && !cfg.bindAddress().isBlank()) {
            p.put("server.address", cfg.bindAddress());
        }
        p.put("server.ssl.enabled", "true");
        // the key and trust stores of the configuration, read while Spring starts (ListenerTlsStores)
        p.put("server.ssl.bundle", ListenerTlsStores.BUNDLE);
        // "want": the web portal (a browser without a certificate) shares the port; /api/** insists itself.
        p.put("server.ssl.client-auth", "want");
        p.put("server.error.whitelabel.enabled", "false");
        p.put("server.error.include-stacktrace", "never");
        p.put("server.servlet.encoding.charset", "UTF-8");
        p.put("server.servlet.encoding.force", "true");
        p.put("server.shutdown", "immediate");
        // Terminals keep their connection for hours; Tomcat's default closes it after 100 requests, and each new
        // mutual-TLS handshake cost more CPU than the inquiry itself under load (docs/performance.md).
        p.put("server.tomcat.max-keep-alive-requests", "-1");
        // --- database ---------------------------------------------------------------------------------------
        p.put("spring.datasource.url", cfg.effectiveJdbcUrl());
        if (cfg.embeddedDatabase()) {
            p.put("spring.datasource.username", cfg.jdbcUser() == null ? "sa" : cfg.jdbcUser());
            p.put("spring.datasource.password", cfg.jdbcPassword() == null ? "" : cfg.jdbcPassword());
        } else {
            if (cfg.jdbcUser() != null) {
                p.put("spring.datasource.username", cfg.jdbcUser());
            }
            if (cfg.jdbcPassword() != null) {
                p.put("spring.datasource.password", cfg.jdbcPassword());
            }
        }
        p.put("spring.datasource.hikari.pool-name", "oqs");
        if (cfg.effectiveJdbcUrl().startsWith("jdbc:postgresql:")) {
            p.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
        }
        p.put("spring.datasource.hikari.maximum-pool-size", "16");
        p.put("spring.flyway.enabled", "true");
        p.put("spring.flyway.locations", "classpath:db/migration");
        p.put("spring.sql.init.mode", "never");
        // portal sessions: Flyway's V60 owns the tables (web/security/PortalSessionStore), Spring Session never
        // creates its own
        p.put("spring.session.jdbc.initialize-schema", "never");
        // --- actuator: its own plain-HTTP port on loopback (health, Prometheus); never reachable through the API
        // port, whose /actuator/health is answered by api/PublicHealthController for load balancers ---------------
        p.put("management.server.port", Integer.toString(managementPort));
        p.put("management.server.address", cfg.managementAddress());
        p.put("management.server.ssl.enabled", "false");
        p.put("management.endpoints.web.exposure.include", "health,prometheus");
        p.put("management.endpoints.jmx.exposure.exclude", "*");
        p.put("management.endpoint.health.show-details", "never");
        // each component's UP/DOWN (no details) on this loopback port: oqs doctor reads auditChain of a running demo
        p.put("management.endpoint.health.show-components", "always");
        p.put("management.endpoint.health.probes.enabled", "false");
        // --- web UI (later issues) ----------------------------------------------------------------------------
        p.put("spring.thymeleaf.check-template-location", "false");
        p.put("spring.mvc.log-resolved-exception", "false");
        // --- logging: keep the console readable --------------------------------------------------------------
        p.put("logging.level.root", "WARN");
        p.put("logging.level.org.openoqs", "INFO");
        // Tomcat warns that TLS 1.3 has no post-handshake auth for "optional" client certificates: irrelevant,
        // the certificate request is part of the initial handshake. Flyway warns about H2 being newer than verified.
        p.put("logging.level.org.apache.tomcat.util.net.SSLUtilBase", "ERROR");
        p.put("logging.level.org.flywaydb.core.internal.database.base.Database", "ERROR");
        LogFormat.apply(p); // OQS_LOG_FORMAT=json: one JSON object per line, with the request id
        return p;
    }

    /** Diagnostics ({@code -Dopenoqs.startup.trace=true}): the slowest start-up steps. */
    private static void logSlowestSteps(BufferingApplicationStartup trace) {
        trace.getBufferedTimeline().getEvents().stream()
                .sorted(java.util.Comparator.comparing(
                        (org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent e)
                                -> e.getDuration()).reversed())
                .limit(25)
                .forEach(e -> log.info("startup step {} ms {} {}", e.getDuration().toMillis(), e.getStartupStep().getName(),
                        tags(e.getStartupStep())));
    }

    private static String tags(org.springframework.core.metrics.StartupStep step) {
        StringBuilder sb = new StringBuilder();
        step.getTags().forEach(t -> sb.append(t.getKey()).append('=').append(t.getValue()).append(' '));
        return sb.toString();
    }

    public int port() {
        return port;
    }

    /** The actuator's plain-HTTP port (health, Prometheus metrics), on {@link ServerConfig#managementAddress()}. */
    public int managementPort() {
        return managementPort;
    }

    /** {@code http://127.0.0.1:PORT/actuator/prometheus}: what Prometheus scrapes. */
    public URI metricsUri() {
        String host = config.managementAddress().indexOf(':') >= 0 ? "[" + config.managementAddress() + "]"
                : config.managementAddress();
        return URI.create("http://" + host + ":" + managementPort + "/actuator/prometheus");
    }

    /** {@code https://localhost:PORT/} (or the bind address when one was given). */
    public URI baseUri() {
        String host = config.bindAddress() == null || config.bindAddress().isBlank()
                || "0.0.0.0".equals(config.bindAddress()) ? "localhost" : config.bindAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("https://" + host + ":" + port + "/");
    }

    public ServerConfig config() {
        return config;
    }

    /** Facility administration (create the demo facility, switch opt-ins). */
    public FacilityService facilities() {
        return context.getBean(FacilityService.class);
    }

    /** The hash-chained audit trail. */
    public AuditLog auditLog() {
        return context.getBean(AuditLog.class);
    }

    /** Any other service of the running application (for the CLI and tests). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
