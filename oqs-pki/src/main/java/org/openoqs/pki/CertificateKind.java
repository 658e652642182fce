package org.openoqs.pki;

/** What an issued certificate is for; decides its extended key usage. */
public enum CertificateKind {
    /** TLS server (serverAuth), SAN with DNS names / IP addresses. */
    SERVER,
    /** A medical facility's terminal (clientAuth), CN = 10-digit institution code. */
    FACILITY,
    /** Signs update packages (codeSigning). */
    CODE_SIGNING
}
