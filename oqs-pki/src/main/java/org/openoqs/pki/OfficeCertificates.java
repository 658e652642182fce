package org.openoqs.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The issuing office's certificate (市区町村の個人番号カード交付窓口): a client certificate of the project CA that
 * administers cards (PIN unlock) on the office API and is never a facility certificate (docs/certificates.md §5).
 * <pre>
 *   subject   C=JP, O=&lt;office name&gt;, OU=Issuing Office, CN=OFFICE-&lt;6-digit 地方公共団体コード&gt;
 *   EKU       clientAuth (like a facility: the TLS layer and {@link CertificateChecker} need it)
 *   policy    {@link #POLICY_OID}, written only by {@link CertificateAuthority#issueOfficeCertificate}
 * </pre>
 * A facility certificate's CN is 10 digits, so the two subjects can never be mistaken for one another; the policy
 * makes the marker independent of names, which whoever runs {@code oqs ca issue} chooses.
 */
public final class OfficeCertificates {

    /**
     * openoqs issuing-office certificate policy. A UUID-based OID (ITU-T X.667, arc 2.25) needs no registration and
     * cannot collide with anyone else's.
     */
    public static final String POLICY_OID = "2.25.7178293697294146974701637974070338044";
    public static final String CN_PREFIX = "OFFICE-";
    public static final String ORGANIZATIONAL_UNIT = "Issuing Office";

    /** ASCII only on purpose: {@code \d} would also accept full-width digits. */
    private static final Pattern COMMON_NAME = Pattern.compile(Pattern.quote(CN_PREFIX) + "([0-9]{6})");
    private static final int[] CHECK_WEIGHTS = {6, 5, 4, 3, 2};

    /** The office a certificate names. */
    public record IssuingOffice(String localGovernmentCode, String name) {

        /** {@code OFFICE-<code>}, the certificate's CN. */
        public String commonName() {
            return CN_PREFIX + localGovernmentCode;
        }
    }

    private OfficeCertificates() {
    }

    /**
     * The office, when the certificate is an issuing-office certificate: exactly one CN {@code OFFICE-<code>} with a
     * valid 地方公共団体コード, the OU {@value #ORGANIZATIONAL_UNIT} and the office policy. Chain, validity and
     * revocation are not judged here ({@link CertificateChecker} does that).
     */
    public static Optional<IssuingOffice> officeOf(X509Certificate cert) {
        return CertificateSubjects.markedCommonName(cert, POLICY_OID, ORGANIZATIONAL_UNIT, COMMON_NAME)
                .map(m -> m.group(1)).filter(OfficeCertificates::isLocalGovernmentCode)
                .map(code -> new IssuingOffice(code,
                        CertificateSubjects.single(CertificateSubjects.subjectOf(cert), BCStyle.O).orElse("")));
    }

    /**
     * A 全国地方公共団体コード: 5 ASCII digits and the check digit — each digit times 6, 5, 4, 3, 2, the sum's
     * remainder mod 11 taken from 11, last digit of that (131016 千代田区: 27 → 11 − 5 = 6).
     */
    public static boolean isLocalGovernmentCode(String value) {
        if (value == null || !value.matches("[0-9]{6}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < CHECK_WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * CHECK_WEIGHTS[i];
        }
        return (11 - sum % 11) % 10 == value.charAt(5) - '0';
    }

    static X500Name subject(String localGovernmentCode, String officeName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, officeName)
                .addRDN(BCStyle.OU, ORGANIZATIONAL_UNIT)
                .addRDN(BCStyle.CN, CN_PREFIX + localGovernmentCode)
                .build();
    }
}
