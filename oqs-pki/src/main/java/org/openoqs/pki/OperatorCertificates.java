package org.openoqs.pki;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The central service operator's certificate (運用者): a client certificate of the project CA that manages the
 * service's own content — お知らせ — on the operator API, and is neither a facility nor an issuing-office
 * certificate (docs/certificates.md §6).
 * <pre>
 *   subject   C=JP, O=openoqs operator, OU=Central Service Operator, CN=OPERATOR-&lt;name or staff number&gt;
 *   EKU       clientAuth
 *   policy    {@link #POLICY_OID}, written only by {@link CertificateAuthority#issueOperatorCertificate}
 * </pre>
 */
public final class OperatorCertificates {

    /** openoqs operator certificate policy: a UUID-based OID (arc 2.25), another one than the office's. */
    public static final String POLICY_OID = "2.25.5055278863884411558431945804092492513";
    public static final String CN_PREFIX = "OPERATOR-";
    public static final String ORGANIZATION = "openoqs operator";
    public static final String ORGANIZATIONAL_UNIT = "Central Service Operator";

    /** ASCII only on purpose: the name ends up in the audit trail's actor column. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final Pattern COMMON_NAME = Pattern.compile(Pattern.quote(CN_PREFIX) + "(" + NAME.pattern() + ")");

    /** The operator a certificate names. */
    public record Operator(String name) {

        /** {@code OPERATOR-<name>}, the certificate's CN. */
        public String commonName() {
            return CN_PREFIX + name;
        }
    }

    private OperatorCertificates() {
    }

    /**
     * The operator, when the certificate is an operator certificate: exactly one CN {@code OPERATOR-<name>}, the OU
     * {@value #ORGANIZATIONAL_UNIT} and the operator policy. Chain, validity and revocation are not judged here.
     */
    public static Optional<Operator> operatorOf(X509Certificate cert) {
        return CertificateSubjects.markedCommonName(cert, POLICY_OID, ORGANIZATIONAL_UNIT, COMMON_NAME)
                .map(m -> new Operator(m.group(1)));
    }

    /** 1–32 ASCII letters, digits, '.', '_' or '-'. */
    public static boolean isOperatorName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    static X500Name subject(String operatorName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "JP")
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.OU, ORGANIZATIONAL_UNIT)
                .addRDN(BCStyle.CN, CN_PREFIX + operatorName)
                .build();
    }
}
