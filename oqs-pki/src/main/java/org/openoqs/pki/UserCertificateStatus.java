package org.openoqs.pki;

/** The outcome of checking a card's (or smartphone's) user certificate, see {@link UserCertificateVerifier}. */
public enum UserCertificateStatus {
    VALID,
    /** Not signed by the individuals' CA (another issuer, a forged or altered certificate). */
    NOT_ISSUED_BY_CA,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED,
    /** A CA certificate, or a key usage that does not allow signatures. */
    NOT_A_USER_CERTIFICATE,
    /** No CRL, a CRL of another issuer, a bad CRL signature or a CRL past its nextUpdate: revocation is unknown. */
    CRL_UNAVAILABLE
}
