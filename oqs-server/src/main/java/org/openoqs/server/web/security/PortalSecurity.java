package org.openoqs.server.web.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.security.ClientCertificateVerifier;
import org.openoqs.server.security.SecurityChainOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The web portal's filter chain: certificate first ({@link WebCertificateFilter}), then form login with lockout,
 * CSRF on every form, and per-URL roles checked on the server for every request:
 *
 * <table>
 *   <caption>who may open what</caption>
 *   <tr><th>path</th><th>マスタ</th><th>管理</th><th>一般</th><th>医療情報閲覧</th></tr>
 *   <tr><td>menu, notices, own password</td><td>✓</td><td>✓</td><td>✓</td><td>✓</td></tr>
 *   <tr><td>/web/accounts (whom: see {@link AccountKind#manages()})</td><td>✓</td><td>✓</td><td></td><td></td></tr>
 *   <tr><td>/web/settings (環境設定; seed: 管理アカウントでのみ)</td><td></td><td>✓</td><td></td><td></td></tr>
 *   <tr><td>/web/audit</td><td>✓</td><td>✓</td><td></td><td></td></tr>
 *   <tr><td>/web/inquiry (資格確認)</td><td></td><td>✓</td><td>✓</td><td>✓</td></tr>
 *   <tr><td>/web/medical (医療情報閲覧; consent checked per patient)</td><td></td><td>✓</td><td>✓</td><td>✓</td></tr>
 *   <tr><td>/web/eps (電子処方箋: prescriptions are patient data)</td><td></td><td>✓</td><td>✓</td><td>✓</td></tr>
 *   <tr><td>/web/emergency (救急時医療情報閲覧; permission and second factor checked per request)</td><td></td><td></td>
 *   <td></td><td>✓</td></tr>
 * </table>
 * Machine accounts (R0, R1, face-auth) cannot sign in at all.
 */
@Configuration(proxyBeanMethods = false)
public class PortalSecurity {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ClientCertificateVerifier verifier;
    private final FacilityService facilities;
    private final AccountService accounts;
    private final List<PageAfterSignIn> firstPages;
    private final AuditLog audit;
    private final CertificateRefusal refusal;
    private final Duration sessionTimeout;

    public PortalSecurity(ClientCertificateVerifier verifier, FacilityService facilities, AccountService accounts,
                          List<PageAfterSignIn> firstPages, AuditLog audit, CertificateRefusal refusal,
                          @Value("${oqs.web.session-timeout:PT30M}") Duration sessionTimeout) {
        this.verifier = verifier;
        this.facilities = facilities;
        this.accounts = accounts;
        this.firstPages = firstPages;
        this.audit = audit;
        this.refusal = refusal;
        this.sessionTimeout = sessionTimeout;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    /** The portal's chain, after every other one ({@link SecurityChainOrder#PORTAL}). */
    @Bean
    @Order(SecurityChainOrder.PORTAL)
    SecurityFilterChain webPortalChain(HttpSecurity http) throws Exception {
        return build(http);
    }

    SecurityFilterChain build(HttpSecurity http) throws Exception {
        PortalLoginHandlers handlers = new PortalLoginHandlers(firstPages, audit, sessionTimeout);
        String[] everyone = roles(AccountKind.MASTER, AccountKind.ADMIN, AccountKind.GENERAL, AccountKind.MEDICAL_VIEWER);
        http.addFilterAfter(new WebCertificateFilter(verifier, facilities, audit, refusal), HeaderWriterFilter.class)
                .authenticationProvider(new PortalAuthenticationProvider(accounts))
                .formLogin(form -> form
                        .loginPage(PortalPaths.LOGIN)
                        .loginProcessingUrl(PortalPaths.LOGIN)
                        .usernameParameter("accountId")
                        .passwordParameter("password")
                        .authenticationDetailsSource(PortalLoginDetails.SOURCE)
                        .successHandler(handlers)
                        .failureHandler(handlers)
                        .permitAll())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout
                        .logoutUrl(PortalPaths.LOGOUT)
                        .addLogoutHandler(handlers)
                        .logoutSuccessUrl(PortalPaths.LOGIN + "?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies(SessionCookieSettings.COOKIE_NAME))
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session
                        .invalidSessionUrl(PortalPaths.LOGIN + "?timeout")
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(e -> e
                        // portal pages send the anonymous to the login page; anything else is simply not there
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(PortalPaths.LOGIN),
                                PathPatternRequestMatcher.pathPattern("/web/**"))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(new PortalAccessDeniedHandler(audit)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/", PortalPaths.START, PortalPaths.LOGIN, PortalPaths.CSS + "**",
                                "/favicon.ico", "/error").permitAll()
                        .requestMatchers(PortalPaths.PASSWORD_CHANGE).authenticated()
                        .requestMatchers(PortalPaths.ACCOUNTS, PortalPaths.ACCOUNTS + "/**")
                        .hasAnyAuthority(roles(AccountKind.MASTER, AccountKind.ADMIN))
                        .requestMatchers(PortalPaths.SETTINGS, PortalPaths.SETTINGS + "/**")
                        .hasAnyAuthority(roles(AccountKind.ADMIN))
                        .requestMatchers(PortalPaths.AUDIT, PortalPaths.AUDIT + "/**")
                        .hasAnyAuthority(roles(AccountKind.MASTER, AccountKind.ADMIN))
                        .requestMatchers(PortalPaths.INQUIRY, PortalPaths.INQUIRY + "/**")
                        .hasAnyAuthority(roles(AccountKind.ADMIN, AccountKind.GENERAL, AccountKind.MEDICAL_VIEWER))
                        .requestMatchers(PortalPaths.MEDICAL, PortalPaths.MEDICAL + "/**")
                        .hasAnyAuthority(roles(AccountKind.ADMIN, AccountKind.GENERAL, AccountKind.MEDICAL_VIEWER))
                        .requestMatchers(PortalPaths.EMERGENCY, PortalPaths.EMERGENCY + "/**")
                        .hasAnyAuthority(roles(AccountKind.MEDICAL_VIEWER))
                        .requestMatchers(PortalPaths.EPS, PortalPaths.EPS + "/**")
                        .hasAnyAuthority(roles(AccountKind.ADMIN, AccountKind.GENERAL, AccountKind.MEDICAL_VIEWER))
                        .requestMatchers("/web/**").hasAnyAuthority(everyone)
                        .anyRequest().denyAll());
        return http.build();
    }

    private static String[] roles(AccountKind... kinds) {
        String[] out = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            out[i] = kinds[i].authority();
        }
        return out;
    }
}
