package org.openoqs.server.security;

import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.api.ApiError;
import org.openoqs.server.api.ApiErrorWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The filter chain of an API served to one kind of client certificate only (the issuing offices', the operator's):
 * stateless, no session, no CSRF (no browser), every request authenticated by the given
 * {@link CertificateAuthenticationFilter} and required to hold that kind's authority. Ordered before the terminal
 * API's {@code /api/**} in {@link SecurityConfig}, so no facility certificate ever reaches such an endpoint.
 */
public final class CertificateApiChains {

    private CertificateApiChains() {
    }

    public static SecurityFilterChain build(HttpSecurity http, String paths, CertificateAuthenticationFilter filter,
                                            String authority, ApiErrorWriter errors) throws Exception {
        // The filter is not a bean on purpose: Boot would also register a bean Filter for every URL of the container.
        http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(authority))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> errors.write(res, HttpStatus.UNAUTHORIZED,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "クライアント証明書が提示されていません")))
                        .accessDeniedHandler((req, res, ex) -> errors.write(res, HttpStatus.FORBIDDEN,
                                ApiError.of(ErrorCode.CENTRAL_SERVICE_REJECTED, "この操作は許可されていません"))));
        return http.build();
    }
}
