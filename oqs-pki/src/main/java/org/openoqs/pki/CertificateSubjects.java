package org.openoqs.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * What the readers of marked client certificates ({@link OfficeCertificates}, {@link OperatorCertificates}) share:
 * the subject parsed from its DER and the certificate-policy marker, so that each reader only states its own rules.
 */
final class CertificateSubjects {

    private CertificateSubjects() {
    }

    /** The subject parsed from the DER rather than a string form, so escaping or attribute order cannot fool a match. */
    static X500Name subjectOf(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }

    /** The value of the one single-valued RDN of this type, empty when there is none or more than one. */
    static Optional<String> single(X500Name subject, ASN1ObjectIdentifier type) {
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        // The plain string, not the RFC 4514 form with its escapes (an organisation name may hold a comma).
        return Optional.of(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
    }

    /**
     * The CN matched against {@code commonName}, when the certificate carries {@code policyOid}, exactly one CN and
     * exactly one OU equal to {@code organizationalUnit}: the marks every party certificate is read by.
     */
    static Optional<Matcher> markedCommonName(X509Certificate cert, String policyOid, String organizationalUnit,
                                             Pattern commonName) {
        if (cert == null || !hasPolicy(cert, policyOid)) {
            return Optional.empty();
        }
        X500Name subject = subjectOf(cert);
        Optional<String> cn = single(subject, BCStyle.CN);
        Optional<String> ou = single(subject, BCStyle.OU);
        if (cn.isEmpty() || ou.isEmpty() || !organizationalUnit.equals(ou.get())) {
            return Optional.empty();
        }
        Matcher m = commonName.matcher(cn.get());
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    /** Whether the certificate's policies extension names this policy (a malformed extension names none). */
    static boolean hasPolicy(X509Certificate cert, String policyOid) {
        byte[] extension = cert.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return false;
        }
        try {
            CertificatePolicies policies = CertificatePolicies.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(extension));
            return Arrays.stream(policies.getPolicyInformation())
                    .anyMatch(p -> policyOid.equals(p.getPolicyIdentifier().getId()));
        } catch (IOException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
