package org.openoqs.server;

import java.time.Clock;
import org.openoqs.server.audit.AuditKeyFile;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind {@link CentralServer}. Not meant to be started through
 * {@code SpringApplication.run} directly: {@link CentralServer#start(ServerConfig)} registers the
 * {@link ServerConfig} bean and the properties derived from it.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class OqsServerApplication {

    /** The one clock of the service (Asia/Tokyo). Inject it; never call {@code LocalDate.now()} directly. */
    @Bean
    Clock clock(ServerConfig config) {
        return config.clock();
    }

    /** The audit chain's key file, handed to the audit log as its own type (see {@link AuditKeyFile}). */
    @Bean
    AuditKeyFile auditKeyFile(ServerConfig config) {
        return new AuditKeyFile(config.effectiveAuditKeyFile());
    }
}
