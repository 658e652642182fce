package org.openoqs.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The BouncyCastle side of the CA: key generation, certificate and CRL building. No provider is registered;
 * signing runs on the JDK's SunEC, BouncyCastle only assembles the ASN.1.
 */
final class X509Signing {
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    /** RFC 5280 reason names accepted by {@link CertificateAuthority#revoke}; anything else stays free text. */
    private static final Map<String, Integer> REASON_CODES = Map.of(
            "keycompromise", CRLReason.keyCompromise,
            "cacompromise", CRLReason.cACompromise,
            "affiliationchanged", CRLReason.affiliationChanged,
            "superseded", CRLReason.superseded,
            "cessationofoperation", CRLReason.cessationOfOperation,
            "privilegewithdrawn", CRLReason.privilegeWithdrawn);

    private X509Signing() {
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static X509Certificate selfSignedCa(KeyPair keys, X500Name subject, BigInteger serial, Instant notBefore,
                                        Instant notAfter) throws GeneralSecurityException, IOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, serial, time(notBefore), time(notAfter), subject, keys.getPublic())
                // pathLen 0: this CA signs end-entity certificates only, never a sub-CA.
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(keys.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys.getPrivate())));
    }

    /** An end-entity certificate; {@code subjectAltNames} may be null. */
    static X509Certificate endEntity(CaKey issuer, BigInteger serial, X500Name subject,
                                     PublicKey publicKey, Instant notBefore, Instant notAfter, CertificateKind kind,
                                     GeneralNames subjectAltNames) throws GeneralSecurityException, IOException {
        X509Certificate caCert = issuer.certificate();
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.issuerName(), serial,
                time(notBefore), time(notAfter), subject, publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                // digitalSignature is all an ECDSA key needs for TLS 1.2/1.3 (ECDHE) and for CMS signing.
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposeOf(kind)))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ext, caCert));
        if (subjectAltNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
        }
        String policy = policyOf(kind);
        if (policy != null) {
            // The marker the office / operator API trusts: only the CA writes the policy, whatever the subject says.
            builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                    new PolicyInformation(new ASN1ObjectIdentifier(policy))));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuer.privateKey())));
    }

    /**
     * A signature certificate of the HPKI or the individuals' CA: no EKU (the trust anchor alone says what it may
     * sign), the given critical key usage, then {@code extra} extensions (non-critical), key identifiers last.
     */
    static X509Certificate signatureCertificate(CaKey issuer, BigInteger serial, X500Name subject, PublicKey publicKey,
            Instant notBefore, Instant notAfter, KeyUsage keyUsage, Map<ASN1ObjectIdentifier, ASN1Encodable> extra)
            throws GeneralSecurityException, IOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer.issuerName(), serial,
                time(notBefore), time(notAfter), subject, publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, keyUsage);
        for (Map.Entry<ASN1ObjectIdentifier, ASN1Encodable> extension : extra.entrySet()) {
            builder.addExtension(extension.getKey(), false, extension.getValue());
        }
        builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ext, issuer.certificate()));
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuer.privateKey())));
    }

    /** Signs {@code data} with the CA key (SHA256withECDSA). */
    static byte[] sign(CaKey issuer, byte[] data) throws GeneralSecurityException {
        java.security.Signature signature = java.security.Signature.getInstance(SIGNATURE_ALGORITHM);
        signature.initSign(issuer.privateKey());
        signature.update(data);
        return signature.sign();
    }

    /** The certificate policy that marks a kind, {@code null} for kinds known by their subject or EKU alone. */
    private static String policyOf(CertificateKind kind) {
        return switch (kind) {
            case ISSUING_OFFICE -> OfficeCertificates.POLICY_OID;
            case OPERATOR -> OperatorCertificates.POLICY_OID;
            default -> null;
        };
    }

    static X509CRL crl(CaKey issuer, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate,
                       Collection<CrlPublisher.Revocation> revoked) throws GeneralSecurityException, IOException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer.issuerName(), time(thisUpdate));
        builder.setNextUpdate(time(nextUpdate));
        for (CrlPublisher.Revocation revocation : revoked) {
            Optional<Integer> reason = reasonCode(revocation.reason());
            // RFC 5280 5.3.1: omit the reasonCode extension rather than writing "unspecified".
            Extensions entryExtensions = null;
            if (reason.isPresent()) {
                ExtensionsGenerator generator = new ExtensionsGenerator();
                generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(reason.get()));
                entryExtensions = generator.generate();
            }
            builder.addCRLEntry(revocation.serial(), Date.from(revocation.at()), entryExtensions);
        }
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                authorityKeyId(new JcaX509ExtensionUtils(), issuer.certificate()));
        return new JcaX509CRLConverter().getCRL(builder.build(signer(issuer.privateKey())));
    }

    static Optional<Integer> reasonCode(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(REASON_CODES.get(reason.strip().toLowerCase(Locale.ROOT)));
    }

    /** Key identifier only (RFC 5280 4.2.1.1); issuer+serial would tie children to this exact CA certificate. */
    private static AuthorityKeyIdentifier authorityKeyId(JcaX509ExtensionUtils ext, X509Certificate caCert) {
        return ext.createAuthorityKeyIdentifier(caCert.getPublicKey());
    }

    private static KeyPurposeId purposeOf(CertificateKind kind) {
        return switch (kind) {
            case SERVER -> KeyPurposeId.id_kp_serverAuth;
            case FACILITY, ISSUING_OFFICE, OPERATOR -> KeyPurposeId.id_kp_clientAuth;
            case CODE_SIGNING -> KeyPurposeId.id_kp_codeSigning;
        };
    }

    /** Locale.ROOT: with a ja_JP_JP (imperial calendar) default locale the encoded year would be wrong. */
    private static Time time(Instant instant) {
        return new Time(Date.from(instant), Locale.ROOT);
    }

    private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot create a " + SIGNATURE_ALGORITHM + " signer", e);
        }
    }
}
