package org.openoqs.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PrescriptionSignatureVerifier} found.
 *
 * @param content  the signed document as carried in the SignedData (present even when the signature is bad, so
 *                 that the content can be checked and reported too); empty when the value is not a SignedData with
 *                 encapsulated content at all
 * @param signer   the signer's certificate as carried in the SignedData, when one could be found
 * @param failures every reason the signature is not acceptable; empty when it is
 */
public record PrescriptionSignatureCheck(Optional<byte[]> content, Optional<X509Certificate> signer,
        List<PrescriptionSignatureFailure> failures) {

    public PrescriptionSignatureCheck {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(signer, "signer");
        failures = List.copyOf(failures);
    }

    static PrescriptionSignatureCheck unreadable() {
        return new PrescriptionSignatureCheck(Optional.empty(), Optional.empty(), List.of());
    }

    /** False when the value was not a CMS SignedData with content: nothing else could be judged. */
    public boolean readable() {
        return content.isPresent();
    }

    public boolean valid() {
        return readable() && failures.isEmpty();
    }

    /** {@code <issuer CN>:<serial hex>} of the signer certificate, or {@code null}. */
    public String signId() {
        return signer.map(c -> HpkiCertificates.commonName(c.getIssuerX500Principal().getEncoded()).orElse("?") + ":"
                + c.getSerialNumber().toString(16)).orElse(null);
    }
}
