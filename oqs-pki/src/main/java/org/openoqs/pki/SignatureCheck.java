package org.openoqs.pki;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/** Result of verifying one package signature; {@code signer} is empty when no signer certificate was found. */
public record SignatureCheck(SignatureStatus status, Optional<X509Certificate> signer) {

    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(signer, "signer");
    }

    static SignatureCheck of(SignatureStatus status) {
        return new SignatureCheck(status, Optional.empty());
    }

    static SignatureCheck of(SignatureStatus status, X509Certificate signer) {
        return new SignatureCheck(status, Optional.of(signer));
    }

    public boolean valid() {
        return status == SignatureStatus.VALID;
    }

    public String message() {
        return status.message();
    }
}
