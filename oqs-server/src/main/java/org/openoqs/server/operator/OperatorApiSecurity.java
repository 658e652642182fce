package org.openoqs.server.operator;

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
 * The filter chain of the operator API ({@value #PATHS}), ordered before the terminal API's {@code /api/**}:
 * every request authenticated by an operator certificate ({@link OperatorCertificateFilter}); facility and office
 * certificates are refused.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorApiSecurity {

    public static final String PATHS = "/api/v1/operator/**";

    /** Before the terminal API's {@code /api/**}, which would match too ({@link SecurityChainOrder}). */
    @Bean
    @Order(SecurityChainOrder.CERTIFICATE_APIS)
    SecurityFilterChain operatorApiChain(HttpSecurity http, ClientCertificateVerifier verifier, AuditLog audit,
            ApiErrorWriter errors) throws Exception {
        return CertificateApiChains.build(http, PATHS, new OperatorCertificateFilter(verifier, audit, errors),
                OperatorAuthentication.ROLE_OPERATOR, errors);
    }
}
