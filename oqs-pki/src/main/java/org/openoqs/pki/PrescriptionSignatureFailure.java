package org.openoqs.pki;

/**
 * Why a prescription signature is not acceptable. {@link PrescriptionSignatureVerifier} reports every reason that
 * applies, not only the first, so the sender can fix all of them at once. (The names match the EPS result codes
 * {@code EPSD11xx} of oqs-core, which carry the Japanese messages.)
 */
public enum PrescriptionSignatureFailure {
    /** The SignedData has no signer. */
    SIGNATURE_MISSING,
    /** More than one signer, or the signer information cannot be read or names no certificate. */
    SIGNATURE_MALFORMED,
    /** The signature does not match the content. */
    CONTENT_TAMPERED,
    /** The certificate was not issued by the HPKI CA. */
    SIGNER_UNTRUSTED,
    /** No hcRole of a doctor or dentist. */
    SIGNER_NOT_PRESCRIBER,
    SIGNER_EXPIRED,
    SIGNER_NOT_YET_VALID,
    SIGNER_REVOKED,
    /** No current CRL of the HPKI CA: fail closed. */
    REVOCATION_UNKNOWN,
    /** No nonRepudiation key usage, or a CA certificate. */
    NOT_FOR_SIGNING
}
