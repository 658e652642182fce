package org.openoqs.server.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Optional;
import org.openoqs.pki.CertificateAuthority;

/**
 * The CA as this node can use it: the full CA (issue, CRL re-signing) when its key store is here, otherwise only the
 * published CRL file.
 *
 * @param authority  the CA, when this node holds its key
 * @param directory  the CA directory of the configuration
 */
public record CertificateAuthorityAccess(Optional<CertificateAuthority> authority, Path directory) {

    /** The CA's current CRL: re-signed by the CA when it is here, else {@code crl.pem} as published. */
    public Optional<X509CRL> currentCrl() {
        if (authority.isPresent()) {
            return Optional.of(authority.get().currentCrl());
        }
        Path file = directory.resolve(CertificateAuthority.CRL_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
