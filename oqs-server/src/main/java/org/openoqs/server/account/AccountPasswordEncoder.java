package org.openoqs.server.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Password hashing: Argon2id (Spring Security's 5.8 defaults: 16 MiB, 2 iterations, BouncyCastle's
 * implementation) behind a {@link DelegatingPasswordEncoder}, so every stored hash names its algorithm
 * ({@code {argon2}…}) and the algorithm can be raised later without invalidating existing passwords. PBKDF2 is
 * accepted for reading only.
 */
@Configuration(proxyBeanMethods = false)
public class AccountPasswordEncoder {

    static final String ARGON2 = "argon2";

    @Bean
    public PasswordEncoder accountPasswordHasher() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
