package org.openoqs.pki;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * One line of the CA's index of issued certificates.
 *
 * @param subject          RFC 2253 form, e.g. {@code CN=1312345678,O=テスト医院,C=JP}
 * @param revokedAt        null while the certificate is not revoked
 * @param revocationReason null while the certificate is not revoked
 */
public record IssuedCertificateRecord(BigInteger serial, String subject, CertificateKind kind, Instant notBefore,
                                      Instant notAfter, Instant revokedAt, String revocationReason) {

    public IssuedCertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if ((revokedAt == null) != (revocationReason == null)) {
            throw new IllegalArgumentException("revokedAt and revocationReason must be set together");
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Not revoked and inside its validity window at {@code now}. */
    public boolean validAt(Instant now) {
        return !revoked() && !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }

    /** The 10-digit institution code of a facility certificate; empty for other kinds. */
    public Optional<String> institutionCode() {
        return kind == CertificateKind.FACILITY
                ? FacilityCertificates.institutionCodeOf(new X500Principal(subject))
                : Optional.empty();
    }

    IssuedCertificateRecord revoke(Instant at, String reason) {
        return new IssuedCertificateRecord(serial, subject, kind, notBefore, notAfter, at, reason);
    }
}
