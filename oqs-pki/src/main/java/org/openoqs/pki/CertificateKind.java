package org.openoqs.pki;

/** What an issued certificate is for; decides its extended key usage. */
public enum CertificateKind {
    /** TLS server (serverAuth), SAN with DNS names / IP addresses. */
    SERVER,
    /** A medical facility's terminal (clientAuth), CN = 10-digit institution code. */
    FACILITY,
    /** Signs update packages (codeSigning). */
    CODE_SIGNING,
    /**
     * A municipal issuing office (個人番号カード交付窓口) on the office API (clientAuth), CN =
     * {@code OFFICE-<地方公共団体コード>}, marked by {@link OfficeCertificates#POLICY_OID}; never a facility.
     */
    ISSUING_OFFICE,
    /**
     * The central service's operator on the operator API (clientAuth), CN = {@code OPERATOR-<name>}, marked by
     * {@link OperatorCertificates#POLICY_OID}; never a facility nor an office.
     */
    OPERATOR
}
