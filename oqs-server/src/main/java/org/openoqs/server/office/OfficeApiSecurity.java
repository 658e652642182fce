package org.openoqs.server.office;

import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.CertificateApiChains;
import org.openoqs.server.security.SecurityChainOrder;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The filter chain of the office API ({@value #PATHS}), ordered before the terminal API's {@code /api/**} so that
 * no facility certificate ever reaches an office endpoint: stateless, no session, no CSRF (no browser), every
 * request authenticated by an issuing-office certificate ({@link OfficeCertificateFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class OfficeApiSecurity {

    public static final String PATHS = "/api/v1/office/**";

    private final ClientCertificateVerifier verifier;
    private final AuditLog audit;
    private final ApiErrorWriter errors;

    public OfficeApiSecurity(ClientCertificateVerifier verifier, AuditLog audit, ApiErrorWriter errors) {
        this.verifier = verifier;
        this.audit = audit;
        this.errors = errors;
    }

    /** Before the terminal API's {@code /api/**}, which would match too ({@link SecurityChainOrder}). */
    @Bean
    @Order(SecurityChainOrder.CERTIFICATE_APIS)
    SecurityFilterChain officeApiChain(HttpSecurity http) throws Exception {
        return CertificateApiChains.build(http, PATHS, new OfficeCertificateFilter(verifier, audit, errors),
                OfficeAuthentication.ROLE_ISSUING_OFFICE, errors);
    }
}
