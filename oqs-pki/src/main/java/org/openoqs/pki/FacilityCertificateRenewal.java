package org.openoqs.pki;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Renewal of a facility certificate from a PKCS#10 request, as the seed's MPKI client does it before expiry: the
 * terminal proves it holds the current certificate (mutual TLS) and sends a request made with a <em>new</em> key;
 * the CA issues a new certificate for the same institution code and facility name.
 *
 * <p>The current certificate is deliberately <b>not</b> revoked: both stay valid until the old one's end date,
 * so connections opened before the switch finish normally and a terminal that crashes between receiving and
 * storing the new certificate can still connect and renew again (no downtime).
 */
public final class FacilityCertificateRenewal {
    private static final int P256_FIELD_BITS = 256;

    private final CertificateAuthority ca;
    private final Duration validity;
    private final Clock clock;

    public FacilityCertificateRenewal(CertificateAuthority ca) {
        this(ca, CertificateAuthority.DEFAULT_FACILITY_VALIDITY, Clock.systemUTC());
    }

    public FacilityCertificateRenewal(CertificateAuthority ca, Duration validity, Clock clock) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.validity = Objects.requireNonNull(validity, "validity");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param requestDer the terminal's PKCS#10 request (DER)
     * @param current    the certificate the terminal authenticated with
     * @return the new certificate (chain: it, then {@link CertificateAuthority#caCertificate()})
     * @throws InvalidSigningRequestException the request is unreadable or its signature is wrong
     * @throws RenewalRefusedException the request does not fit {@code current}
     */
    public X509Certificate renew(byte[] requestDer, X509Certificate current) {
        Objects.requireNonNull(current, "current");
        String institutionCode = FacilityCertificates.institutionCodeOf(current).orElseThrow(() ->
                new RenewalRefusedException("更新元の証明書は医療機関等の証明書ではありません"));
        checkCurrent(current);
        CertificateSigningRequests.SigningRequest request = CertificateSigningRequests.read(requestDer);
        Optional<String> requested = FacilityCertificates.institutionCodeOf(request.subject());
        if (requested.isEmpty()) {
            throw new RenewalRefusedException("証明書署名要求の CN に医療機関等コード（数字10桁）がありません");
        }
        if (!requested.get().equals(institutionCode)) {
            throw new RenewalRefusedException("証明書署名要求の医療機関等コード " + requested.get()
                    + " が現在の証明書の医療機関等コード " + institutionCode + " と一致しません");
        }
        if (Arrays.equals(request.publicKey().getEncoded(), current.getPublicKey().getEncoded())) {
            throw new RenewalRefusedException("更新には新しい鍵で作成した証明書署名要求が必要です（現在の証明書と同じ鍵です）");
        }
        requireP256(request.publicKey());
        return ca.issueFacilityCertificate(institutionCode, organizationOf(current), request.publicKey(), validity);
    }

    private void checkCurrent(X509Certificate current) {
        CheckResult check = new CertificateChecker(ca.caCertificate(), ca::currentCrl).check(
                new X509Certificate[] {current}, clock.instant());
        if (!check.ok()) {
            throw new RenewalRefusedException("更新元の証明書を確認できません: " + check.message());
        }
    }

    private static void requireP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != P256_FIELD_BITS) {
            throw new RenewalRefusedException("鍵の種類が正しくありません（楕円曲線 P-256 の鍵で作成してください）");
        }
    }

    /** The facility name the CA registered (O of the current certificate), not what the request claims. */
    private static String organizationOf(X509Certificate current) {
        RDN[] organizations = X500Name.getInstance(current.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.O);
        if (organizations.length != 1) {
            throw new RenewalRefusedException("更新元の証明書に医療機関等の名称（O）がありません");
        }
        // the string itself, not IETFUtils.valueToString: that escapes ',' '+' etc. for the RFC 4514 text form
        if (organizations[0].getFirst().getValue() instanceof ASN1String text) {
            return text.getString();
        }
        throw new RenewalRefusedException("更新元の証明書の医療機関等の名称（O）を読み取れません");
    }
}
