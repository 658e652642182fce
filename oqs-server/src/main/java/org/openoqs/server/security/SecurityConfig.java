package org.openoqs.server.security;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The filter chains that belong to no feature, in {@link SecurityChainOrder}:
 * <ol>
 *   <li>the management port (actuator: health, Prometheus metrics) — plain HTTP on loopback, open;</li>
 *   <li>{@code /api/**} — the terminal API: stateless, no session, no CSRF (no cookies, no browser), every
 *       request authenticated by its client certificate ({@link ClientCertificateFilter});</li>
 *   <li>{@code /actuator/health} — open, for load balancers.</li>
 * </ol>
 * The features with callers of their own declare their chains themselves, with an order from
 * {@link SecurityChainOrder}: the issuing offices' API ({@code office.OfficeApiSecurity}) and the operator's お知らせ
 * API ({@code operator.OperatorApiSecurity}) before the terminal API, so no facility certificate reaches them; the
 * web portal ({@code web.security.PortalSecurity}: facility certificate, form login, CSRF, roles per URL) after
 * everything else. This class imports none of them: security is the shared edge every feature may use.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    @Order(SecurityChainOrder.TERMINAL_API)
    SecurityFilterChain terminalApiChain(HttpSecurity http, ClientCertificateVerifier verifier,
                                         FacilityService facilities, AuditLog audit, ApiErrorWriter errors)
            throws Exception {
        // Not a bean on purpose: Boot would also register a bean Filter for every URL of the servlet container.
        ClientCertificateFilter certificateFilter = new ClientCertificateFilter(verifier, facilities, audit, errors);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(certificateFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(FacilityAuthentication.ROLE_TERMINAL))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> errors.write(res, HttpStatus.UNAUTHORIZED,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "クライアント証明書が提示されていません")))
                        .accessDeniedHandler((req, res, ex) -> errors.write(res, HttpStatus.FORBIDDEN,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "この操作は許可されていません"))));
        return http.build();
    }

    /**
     * Requests that arrived on the management port (actuator: health, Prometheus metrics): plain HTTP bound to
     * loopback unless configured otherwise, so no certificate and no login. Matched by the port the request came in
     * on, so the same paths on the API port never get here.
     */
    @Bean
    @Order(SecurityChainOrder.MANAGEMENT_PORT)
    SecurityFilterChain managementPortChain(HttpSecurity http,
                                            @Value("${management.server.port}") int managementPort) throws Exception {
        http.securityMatcher(request -> request.getLocalPort() == managementPort)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(SecurityChainOrder.HEALTH)
    SecurityFilterChain healthChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
