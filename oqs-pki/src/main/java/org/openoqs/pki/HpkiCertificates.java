package org.openoqs.pki;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Attribute;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectDirectoryAttributes;

/**
 * The HPKI-specific parts of a certificate: the {@code hcRole} attribute in the subjectDirectoryAttributes extension
 * and the holder's name.
 *
 * <p>Encoding (modelled on ISO 17090 as used by the Japanese HPKI certificate policy; openoqs's test certificates are
 * not claimed to be conformant): attribute type {@value #HC_ROLE_ATTRIBUTE}, value {@code SET OF HCActor}, where
 * {@code HCActor ::= SEQUENCE { [0] EXPLICIT CodedData }} and {@code CodedData ::= SEQUENCE { codingScheme OID
 * (}{@value #HC_ROLE_SCHEME}{@code ), value UTF8String ("Medical Doctor", "Dentist", "Pharmacist") }}.
 */
public final class HpkiCertificates {

    /** ISO 17090 id-hcpki-at-healthcareactor. */
    public static final String HC_ROLE_ATTRIBUTE = "1.0.17090.0.1";
    /** The Japanese HPKI coding scheme of national qualifications. */
    public static final String HC_ROLE_SCHEME = "1.2.392.100495.1.6.1.1";

    private HpkiCertificates() {
    }

    /** The extension value for a role. */
    static SubjectDirectoryAttributes hcRoleAttributes(HealthcareRole role) {
        DERSequence codedData = new DERSequence(new ASN1Encodable[] {
                new ASN1ObjectIdentifier(HC_ROLE_SCHEME), new DERUTF8String(role.value())});
        DERSequence actor = new DERSequence(new DERTaggedObject(true, 0, codedData));
        Attribute attribute = new Attribute(new ASN1ObjectIdentifier(HC_ROLE_ATTRIBUTE), new DERSet(new DERSet(actor)));
        java.util.Vector<Attribute> attributes = new java.util.Vector<>();
        attributes.add(attribute);
        return new SubjectDirectoryAttributes(attributes);
    }

    /** The role the certificate attests; empty when it has no (readable) hcRole of the known scheme. */
    public static Optional<HealthcareRole> roleOf(X509Certificate certificate) {
        byte[] raw = certificate.getExtensionValue(Extension.subjectDirectoryAttributes.getId());
        if (raw == null) {
            return Optional.empty();
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(raw).getOctets());
            SubjectDirectoryAttributes attributes = SubjectDirectoryAttributes.getInstance(value);
            for (Object o : attributes.getAttributes()) {
                Attribute a = (Attribute) o;
                if (a.getAttrType().getId().equals(HC_ROLE_ATTRIBUTE)) {
                    Optional<HealthcareRole> role = findRole(a.getAttrValues());
                    if (role.isPresent()) {
                        return role;
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The holder's name: the certificate's CN as text (not RFC 4514-escaped). */
    public static Optional<String> holderName(X509Certificate certificate) {
        return commonName(certificate.getSubjectX500Principal().getEncoded());
    }

    /** The CN of an encoded X.500 name, as text. */
    static Optional<String> commonName(byte[] encodedName) {
        RDN[] names = X500Name.getInstance(encodedName).getRDNs(BCStyle.CN);
        if (names.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = names[0].getFirst().getValue();
        return Optional.of(value instanceof ASN1String s ? s.getString() : value.toString());
    }

    // Walks the value leniently: any (scheme OID, UTF8String) pair inside a SEQUENCE counts.
    private static Optional<HealthcareRole> findRole(ASN1Encodable node) {
        if (node instanceof ASN1TaggedObject tagged) {
            return findRole(tagged.getBaseObject());
        }
        if (node instanceof ASN1Sequence seq) {
            if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier scheme
                    && scheme.getId().equals(HC_ROLE_SCHEME) && seq.getObjectAt(1) instanceof ASN1String text) {
                return HealthcareRole.ofValue(text.getString());
            }
            return findIn(seq.getObjects());
        }
        if (node instanceof ASN1Set set) {
            return findIn(set.getObjects());
        }
        return Optional.empty();
    }

    private static Optional<HealthcareRole> findIn(Enumeration<?> children) {
        while (children.hasMoreElements()) {
            Optional<HealthcareRole> r = findRole((ASN1Encodable) children.nextElement());
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
