package org.openoqs.server.office;

import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.CertificateApiChains;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.openoqs.server.security.SecurityChainOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of the office API ({@value #PATHS}), ordered before the terminal API's {@code /api/**} so that
 * no facility certificate ever reaches an office endpoint: stateless, no session, no CSRF (no browser), every
 * request authenticated by an issuing-office certificate ({@link OfficeCertificateFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class OfficeApiSecurity {

    public static final String PATHS = "/api/v1/office/**";

    /** Before the terminal API's {@code /api/**}, which would match too ({@link SecurityChainOrder}). */
    @Bean
    @Order(SecurityChainOrder.CERTIFICATE_APIS)
    SecurityFilterChain officeApiChain(HttpSecurity http, ClientCertificateVerifier verifier, AuditLog audit,
            ApiErrorWriter errors) throws Exception {
        return CertificateApiChains.build(http, PATHS, new OfficeCertificateFilter(verifier, audit, errors),
                OfficeAuthentication.ROLE_ISSUING_OFFICE, errors);
    }
}
