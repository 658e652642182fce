package org.openoqs.terminal.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.openoqs.pki.CertificateSigningRequests;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.ReloadableClientTls;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.CertificateRenewalService;
import org.openoqs.terminal.central.ConnectionProblem;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the terminal's own facility certificate without downtime, as the seed's MPKI client does: a new key pair
 * on the terminal, a PKCS#10 request sent over mutual TLS with the <em>current</em> certificate, the returned
 * certificate checked (our key, our institution code, our CA, client authentication), the old PKCS#12 kept as
 * {@code <file>.previous}, the new one written atomically over the old, and the TLS context switched — the next
 * handshake presents the new certificate, while the old one stays valid until its end date.
 */
public final class CertificateRenewalClient {
    private static final Logger log = LoggerFactory.getLogger(CertificateRenewalClient.class);
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String ALIAS = "facility";

    private final CertificateRenewalService service;
    private final URI serviceUri;
    private final ReloadableClientTls tls;
    private final char[] password;
    private final X509Certificate trustAnchor;

    /**
     * @param service the renewal port, on a transport with {@code tls}'s current certificate (and under the
     *                terminal's sessions where it has them)
     * @param serviceUri for the messages that name where the service could not be reached
     */
    public CertificateRenewalClient(CertificateRenewalService service, URI serviceUri, ReloadableClientTls tls,
                                    char[] p12Password, X509Certificate trustAnchor) {
        this.service = service;
        this.serviceUri = serviceUri;
        this.tls = tls;
        this.password = p12Password.clone();
        this.trustAnchor = trustAnchor;
    }

    /**
     * @throws RenewalFailedException refused by the service, unreachable, or an answer that does not fit
     */
    public synchronized RenewalResult renew() {
        X509Certificate current = tls.currentCertificate();
        String institutionCode = FacilityCertificates.institutionCodeOf(current).orElseThrow(() ->
                new RenewalFailedException("現在のクライアント証明書に医療機関等コードがありません"));
        KeyPair keys = CertificateSigningRequests.newKeyPair();
        String csr = CertificateSigningRequests.toPem(
                CertificateSigningRequests.facilityRequest(keys, institutionCode, organizationOf(current)));
        CertificateRenewalService.Renewed answer = post(csr);
        X509Certificate renewed = parse(answer.certificatePem());
        X509Certificate ca = parse(answer.caCertificatePem());
        check(renewed, keys, institutionCode);
        Path file = tls.clientPkcs12();
        Path previousCopy = file.resolveSibling(file.getFileName() + ".previous");
        try {
            Files.copy(file, previousCopy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new RenewalFailedException("現在の証明書ファイルを退避できません: " + e.getMessage(), e);
        }
        new IssuedCredential(keys.getPrivate(), renewed, List.of(renewed, ca)).writePkcs12(file, ALIAS, password);
        if (!tls.reloadIfChanged() && !tls.currentCertificate().equals(renewed)) {
            throw new RenewalFailedException("新しい証明書に切り替えられません: "
                    + tls.lastReloadProblem().orElse("理由不明"));
        }
        RenewalResult result = new RenewalResult(serial(current), serial(renewed), renewed.getNotAfter().toInstant(),
                previousCopy, answer.previousRevokedAfter());
        log.info("クライアント証明書を更新しました（シリアル {} → {}、有効期限 {}）。以前の証明書は {} に失効します。",
                result.previousSerial(), result.newSerial(), result.newNotAfter(),
                result.previousRevokedAfter() == null ? "有効期限" : result.previousRevokedAfter());
        return result;
    }

    private CertificateRenewalService.Renewed post(String csr) {
        try {
            return service.renew(csr);
        } catch (CentralServiceUnavailableException unreachable) {
            Throwable why = unreachable.getCause() != null ? unreachable.getCause() : unreachable;
            throw new RenewalFailedException("証明書を更新できません: " + ConnectionProblem.of(why, serviceUri).message(),
                    unreachable);
        } catch (CentralServiceRefusedException refused) {
            if (refused.errorCode() == ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE) {
                throw new RenewalFailedException("証明書を更新できません: サービスの応答を読み取れません");
            }
            throw new RenewalFailedException(refused.serviceMessage(), refused);
        }
    }

    private void check(X509Certificate renewed, KeyPair keys, String institutionCode) {
        if (!renewed.getPublicKey().equals(keys.getPublic())) {
            throw new RenewalFailedException("受け取った証明書の公開鍵が、送った証明書署名要求の鍵と一致しません");
        }
        if (!FacilityCertificates.institutionCodeOf(renewed).filter(institutionCode::equals).isPresent()) {
            throw new RenewalFailedException("受け取った証明書の医療機関等コードが一致しません");
        }
        try {
            renewed.verify(trustAnchor.getPublicKey());
            renewed.checkValidity();
            List<String> eku = renewed.getExtendedKeyUsage();
            if (eku == null || !eku.contains(CLIENT_AUTH)) {
                throw new RenewalFailedException("受け取った証明書はクライアント認証用ではありません");
            }
        } catch (GeneralSecurityException e) {
            throw new RenewalFailedException("受け取った証明書が信頼する認証局の署名を持たないか、有効期間外です");
        }
    }

    private static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new RenewalFailedException("サービスの応答に証明書がありません");
        }
    }

    static String organizationOf(X509Certificate cert) {
        return organizationOf(cert.getSubjectX500Principal()).orElse("openoqs facility");
    }

    static Optional<String> organizationOf(X500Principal subject) {
        RDN[] o = X500Name.getInstance(subject.getEncoded()).getRDNs(BCStyle.O);
        if (o.length == 1 && o[0].getFirst().getValue() instanceof ASN1String text) {
            return Optional.of(text.getString());
        }
        return Optional.empty();
    }

    static String serial(X509Certificate cert) {
        return cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }
}
