package org.openoqs.pki;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Publishes a CA's CRL as {@code crl.pem} in its directory, for the facility and the HPKI CA: signs it, writes it
 * atomically, keeps the last one seen and tells when it must be signed again. Not thread-safe: the CA calls it
 * under its own lock.
 */
final class CrlPublisher {
    static final String CRL_FILE = "crl.pem";
    /** A week, as the CRLs a terminal or a pharmacy fetches. */
    static final Duration CRL_VALIDITY = Duration.ofDays(7);
    /** Re-sign a day before nextUpdate so a checker never sees a stale CRL. */
    static final Duration REFRESH_MARGIN = Duration.ofDays(1);

    private final Path file;
    private final CaKey issuer;
    private final Clock clock;
    private X509CRL crl;
    private CaStorage.FileStamp stamp;

    CrlPublisher(Path dir, CaKey issuer, Clock clock) {
        this.file = dir.resolve(CRL_FILE);
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Path file() {
        return file;
    }

    /** The CRL in the file, re-read only when the file was replaced (e.g. by another process). */
    X509CRL current() {
        try {
            CaStorage.FileStamp now = CaStorage.FileStamp.of(file);
            if (crl == null || !Objects.equals(now, stamp)) {
                stamp = now;
                crl = read(file, issuer.certificate());
            }
            return crl;
        } catch (IOException e) {
            throw new CertificateAuthorityException("Cannot re-read the CRL " + file, e);
        }
    }

    /**
     * True when the CRL must be signed again: missing, not signed by this CA, a day or less before its nextUpdate,
     * or not listing exactly {@code revoked} — the CA's own record of revocations is the source of truth, so a crash
     * between recording a revocation and publishing the CRL is repaired by the next look.
     */
    boolean isStale(Set<BigInteger> revoked) {
        X509CRL current = current();
        if (dueForResigning(current, now())) {
            return true;
        }
        Set<BigInteger> listed = current.getRevokedCertificates() == null ? Set.of()
                : current.getRevokedCertificates().stream().map(X509CRLEntry::getSerialNumber)
                        .collect(Collectors.toSet());
        return !listed.equals(revoked);
    }

    /** True when {@code crl} is missing, has no nextUpdate, or is {@link #REFRESH_MARGIN} or less before it. */
    static boolean dueForResigning(X509CRL crl, Instant now) {
        return crl == null || crl.getNextUpdate() == null
                || !now.plus(REFRESH_MARGIN).isBefore(crl.getNextUpdate().toInstant());
    }

    /** Signs a CRL valid {@link #CRL_VALIDITY} from now listing {@code revoked} and puts it in place. */
    X509CRL publish(BigInteger crlNumber, Collection<Revocation> revoked) throws IOException, GeneralSecurityException {
        Instant thisUpdate = now();
        X509CRL fresh = X509Signing.crl(issuer, crlNumber, thisUpdate, thisUpdate.plus(CRL_VALIDITY), revoked);
        AtomicFiles.writePublic(file, Pem.encode("X509 CRL", fresh.getEncoded()).getBytes(StandardCharsets.US_ASCII));
        crl = fresh;
        stamp = CaStorage.FileStamp.of(file);
        return fresh;
    }

    /**
     * Reads a CRL file, checked against {@code issuer}; {@code null} when missing, unreadable or not signed by the
     * issuer — either way the CA signs a new one, and a verifier without the CA key treats it as no CRL.
     */
    static X509CRL read(Path file, X509Certificate issuer) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            X509CRL loaded = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
            loaded.verify(issuer.getPublicKey());
            return loaded;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * One entry of a CRL.
     *
     * @param reason free text; an RFC 5280 reason name (keyCompromise, superseded, …) becomes the entry's reason
     *               code, anything else leaves the entry without one
     */
    record Revocation(BigInteger serial, Instant at, String reason) {
        Revocation {
            Objects.requireNonNull(serial, "serial");
            Objects.requireNonNull(at, "at");
        }

        static Revocation of(IssuedCertificateRecord record) {
            return new Revocation(record.serial(), record.revokedAt(), record.revocationReason());
        }
    }
}
