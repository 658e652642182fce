/**
 * The project's own certificate authority for the facility mutual-TLS: EC P-256 keys, SHA256withECDSA
 * signatures, PKCS#12 key stores and a CRL, all with plain JDK + BouncyCastle (no framework).
 *
 * <p>Entry points: {@link org.openoqs.pki.CertificateAuthority} (issue, revoke, CRL),
 * {@link org.openoqs.pki.TrustStores} (key/trust stores and mutual-TLS {@code SSLContext}s),
 * {@link org.openoqs.pki.CertificateChecker} (the per-request client-certificate check) and
 * {@link org.openoqs.pki.FacilityCertificates} (institution code from a certificate).
 */
package org.openoqs.pki;
