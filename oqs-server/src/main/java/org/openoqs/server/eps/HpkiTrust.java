package org.openoqs.server.eps;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;
import org.openoqs.pki.CertificateAuthorityException;
import org.openoqs.pki.HpkiCertificateAuthority;
import org.openoqs.pki.PrescriptionSignatureVerifier;
import org.openoqs.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trust anchor of prescription signatures: the HPKI test CA in {@code <CA directory>/hpki}, next to the
 * facility CA (the demo and tests create it there on first start). With only {@code ca.pem} and {@code crl.pem} in
 * that directory (a server that must not hold the CA key) those files are used and the CRL is re-read on every check.
 * When the facility CA's directory cannot be written, the test CA lives in {@code <server home>/hpki-ca} instead.
 */
@Component
public class HpkiTrust {

    public static final String DIRECTORY = "hpki";
    private static final Logger log = LoggerFactory.getLogger(HpkiTrust.class);

    private final HpkiCertificateAuthority authority;
    private final PrescriptionSignatureVerifier verifier;

    public HpkiTrust(ServerConfig config, Clock clock) {
        Path dir = config.caDirectory().resolve(DIRECTORY);
        Path anchorFile = dir.resolve(HpkiCertificateAuthority.CERTIFICATE_FILE);
        if (Files.exists(anchorFile) && !Files.exists(dir.resolve("ca.p12"))) {
            X509Certificate anchor = readCertificate(anchorFile);
            this.authority = null;
            this.verifier = new PrescriptionSignatureVerifier(anchor,
                    () -> HpkiCertificateAuthority.readCrl(dir.resolve(HpkiCertificateAuthority.CRL_FILE), anchor));
        } else {
            this.authority = initOrLoad(dir, config.home().resolve("hpki-ca"), clock);
            this.verifier = new PrescriptionSignatureVerifier(authority.caCertificate(), this::currentCrl);
        }
    }

    public PrescriptionSignatureVerifier verifier() {
        return verifier;
    }

    /** The CA itself, when this server holds its key (demo, tests): issues doctors' certificates. */
    public Optional<HpkiCertificateAuthority> authority() {
        return Optional.ofNullable(authority);
    }

    /** The CA next to the facility CA; in the server home when that directory cannot be written (read-only CA). */
    private static HpkiCertificateAuthority initOrLoad(Path preferred, Path fallback, Clock clock) {
        try {
            return HpkiCertificateAuthority.initOrLoad(preferred, "openoqs Test HPKI CA", clock);
        } catch (CertificateAuthorityException unwritable) {
            log.warn("HPKI test CA not usable in {} ({}); using {}", preferred, unwritable.getMessage(), fallback);
            return HpkiCertificateAuthority.initOrLoad(fallback, "openoqs Test HPKI CA", clock);
        }
    }

    private X509CRL currentCrl() {
        return authority.currentCrl();
    }

    private static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the HPKI trust anchor " + file + ": " + e, e);
        }
    }
}
