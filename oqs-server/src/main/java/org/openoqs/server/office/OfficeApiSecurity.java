package org.openoqs.server.office;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * The filter chain of the office API ({@value #PATHS}), ordered before the terminal API's {@code /api/**} so that
 * no facility certificate ever reaches an office endpoint: stateless, no session, no CSRF (no browser), every
 * request authenticated by an issuing-office certificate ({@link OfficeCertificateFilter}).
 */
@Component
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

    public SecurityFilterChain build(HttpSecurity http) throws Exception {
        // Not a bean on purpose: Boot would also register a bean Filter for every URL of the servlet container.
        OfficeCertificateFilter certificateFilter = new OfficeCertificateFilter(verifier, audit, errors);
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(certificateFilter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(OfficeAuthentication.ROLE_ISSUING_OFFICE))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> errors.write(res, HttpStatus.UNAUTHORIZED,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "クライアント証明書が提示されていません")))
                        .accessDeniedHandler((req, res, ex) -> errors.write(res, HttpStatus.FORBIDDEN,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "この操作は許可されていません"))));
        return http.build();
    }
}
