package org.openoqs.terminal.central;

import java.time.Instant;

/**
 * The service's certificate renewal (MPKI, docs/certificates.md) as the terminal sees it: a PKCS#10 request sent with
 * the <em>current</em> facility certificate, answered with the new certificate. What the terminal does with it — the
 * key pair, the checks, the PKCS#12 swap — is {@code certificate.CertificateRenewalClient}'s.
 *
 * <p>Throws {@link org.openoqs.terminal.linkage.CentralServiceUnavailableException} when the service cannot be
 * reached and {@link CentralServiceRefusedException} when it refused (with its code and Japanese message).
 */
public interface CertificateRenewalService {

    /**
     * @param previousRevokedAfter when the service revokes the certificate being replaced; {@code null}: at its end
     */
    record Renewed(String certificatePem, String caCertificatePem, Instant previousRevokedAfter) {
    }

    Renewed renew(String csrPem);
}
