package org.openoqs.server.homecare;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The マイナ在宅受付Web landing pages ({@code /zaitaku/**}) are public: read-only GETs, no session, no cookies;
 * everything else on those paths is refused.
 */
@Configuration(proxyBeanMethods = false)
class HomeCareUrlSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain receptionPageChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/zaitaku/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/zaitaku/*").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }
}
