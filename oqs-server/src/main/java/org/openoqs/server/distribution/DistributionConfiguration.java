package org.openoqs.server.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.server.ServerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the package repository and, where this node holds the CA key, the CA for certificate renewal. */
@Configuration(proxyBeanMethods = false)
public class DistributionConfiguration {

    /** {@code <server home>/distribution/packages}; see {@link PackageRepository}. */
    public static Path packageDirectory(Path serverHome) {
        return serverHome.resolve("distribution").resolve("packages");
    }

    @Bean
    PackageRepository packageRepository(ServerConfig config, Clock clock) {
        return new PackageRepository(packageDirectory(config.home()), clock);
    }

    /**
     * The CA, when its key store is in the configured CA directory (demo, single node); empty on a node that only
     * holds {@code ca.pem} + {@code crl.pem} — renewal is then refused there with a clear message.
     */
    @Bean
    CertificateAuthorityAccess certificateAuthorityAccess(ServerConfig config) {
        Path dir = config.caDirectory();
        if (!Files.exists(dir.resolve(CertificateAuthority.KEY_STORE_FILE))) {
            return new CertificateAuthorityAccess(Optional.empty(), dir);
        }
        char[] password = config.caPassword().length == 0 ? null : config.caPassword();
        return new CertificateAuthorityAccess(Optional.of(CertificateAuthority.initOrLoad(dir, "openoqs CA", password)),
                dir);
    }
}
