package org.openoqs.server.account;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Password hashing: Argon2id at OWASP's baseline (19 MiB = m 19456 KiB, t 2, p 1; BouncyCastle's implementation)
 * behind a {@link DelegatingPasswordEncoder}, so every stored hash names its algorithm ({@code {argon2}…}) and its
 * parameters. Older hashes stay valid: the Argon2id hashes of 16 MiB written before, and PBKDF2, verify as before,
 * and {@link PasswordEncoder#upgradeEncoding} reports them as weaker, so a successful sign-in re-hashes the
 * password with the current parameters (AccountService).
 */
@Configuration(proxyBeanMethods = false)
public class AccountPasswordEncoder {

    static final String ARGON2 = "argon2";
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    static final int PARALLELISM = 1;
    /** KiB: 19 MiB, OWASP's minimum for Argon2id with two iterations. */
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    @Bean
    public PasswordEncoder accountPasswordHasher() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS),
                "pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
