package org.openoqs.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.CertificateChecker;
import org.openoqs.pki.CheckResult;
import org.openoqs.server.ServerConfig;
import org.springframework.stereotype.Component;

/**
 * Runs oqs-pki's {@link CertificateChecker} (chain to our CA, validity window, clientAuth, current CRL) on the
 * client certificate of every terminal-API request.
 *
 * <p>With the CA's key store in {@link ServerConfig#caDirectory()} (demo, single node) the CA itself supplies
 * its current CRL and revocations apply to the very next request. Without it (a server that only holds the
 * public part: {@code ca.pem} + {@code crl.pem}) the CRL file is re-read whenever it changes. Either way the look
 * for a change is one {@code stat} of a file and no lock, and a revocation applies to the next request.
 */
@Component
public class ClientCertificateVerifier {

    private final CertificateChecker checker;
    private final Clock clock;

    public ClientCertificateVerifier(ServerConfig config, Clock clock) {
        this.clock = clock;
        Path dir = config.caDirectory();
        if (Files.exists(dir.resolve(CertificateAuthority.KEY_STORE_FILE))) {
            char[] password = config.caPassword().length == 0 ? null : config.caPassword();
            this.checker = CertificateChecker.forAuthority(CertificateAuthority.initOrLoad(dir, "openoqs CA", password));
        } else if (Files.exists(dir.resolve(CertificateAuthority.CERTIFICATE_FILE))) {
            this.checker = new CertificateChecker(readCertificate(dir.resolve(CertificateAuthority.CERTIFICATE_FILE)),
                    new CrlFile(dir.resolve(CertificateAuthority.CRL_FILE)));
        } else {
            throw new IllegalStateException("No CA in " + dir + ": expected " + CertificateAuthority.KEY_STORE_FILE
                    + " or " + CertificateAuthority.CERTIFICATE_FILE);
        }
    }

    /** Checks the chain the client sent ({@code chain[0]} is its own certificate). */
    public CheckResult check(X509Certificate[] chain) {
        return checker.check(chain, clock.instant());
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA certificate " + file, e);
        }
    }

    /**
     * The CA's published CRL file, re-read when it was replaced or its size or modification time changed. Every
     * call looks at the file (one {@code stat}); the lock is taken only to re-read it, so requests do not queue here.
     */
    static final class CrlFile implements Supplier<X509CRL> {
        private final Path file;
        private volatile Loaded loaded;

        private record Loaded(Object fileKey, FileTime modified, long size, X509CRL crl) {
            boolean sameFile(BasicFileAttributes a) {
                return Objects.equals(a.fileKey(), fileKey) && Objects.equals(a.lastModifiedTime(), modified)
                        && a.size() == size;
            }
        }

        CrlFile(Path file) {
            this.file = file;
        }

        @Override
        public X509CRL get() {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                Loaded last = loaded;
                if (last != null && last.sameFile(a)) {
                    return last.crl();
                }
                return reload(a);
            } catch (IOException | GeneralSecurityException e) {
                return null; // missing or unreadable: the checker fails closed (CRL_UNAVAILABLE)
            }
        }

        private synchronized X509CRL reload(BasicFileAttributes seen) throws IOException, GeneralSecurityException {
            Loaded last = loaded;
            if (last != null && last.sameFile(seen)) {
                return last.crl();
            }
            X509CRL crl;
            try (InputStream in = Files.newInputStream(file)) {
                crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            }
            // the attributes seen before reading: a file replaced meanwhile differs from them and is read again
            loaded = new Loaded(seen.fileKey(), seen.lastModifiedTime(), seen.size(), crl);
            return crl;
        }
    }
}
