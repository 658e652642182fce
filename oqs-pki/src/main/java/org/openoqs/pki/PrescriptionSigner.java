package org.openoqs.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A doctor signing a prescription with an HPKI-style signature certificate: a CMS {@code SignedData} (DER) that
 * <em>encapsulates</em> the prescription document, SHA-256 / ECDSA, with the signed attributes contentType,
 * messageDigest and signingTime, carrying the signer certificate and its CA. One self-contained value is what the
 * message's single {@code PrescriptionInfo} element can carry (as base64); OpenSSL reads it with
 * {@code openssl cms -verify -inform DER -in FILE -CAfile hpki-ca.pem}.
 *
 * <p>The signer does not police its certificate: {@link PrescriptionSignatureVerifier} is the gate.
 */
public final class PrescriptionSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    public PrescriptionSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("chain must hold at least the signer certificate");
        }
    }

    public static PrescriptionSigner of(IssuedCredential credential) {
        return new PrescriptionSigner(credential.privateKey(), credential.chain());
    }

    /** The first key entry of a PKCS#12 file (e.g. the one {@code oqs eps issue-doctor} wrote). */
    public static PrescriptionSigner fromPkcs12(java.nio.file.Path file, char[] password) {
        java.security.KeyStore store = TrustStores.loadPkcs12(file, password);
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.getKey(alias, password) instanceof PrivateKey key) {
                    java.util.List<X509Certificate> chain = new java.util.ArrayList<>();
                    for (java.security.cert.Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new PrescriptionSigner(key, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyStoreLoadException("Cannot read the signing key from " + file, e);
        }
        throw new KeyStoreLoadException("No private key entry in " + file, null);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The DER-encoded CMS SignedData carrying {@code document}. */
    public byte[] sign(byte[] document) {
        Objects.requireNonNull(document, "document");
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(X509Signing.SIGNATURE_ALGORITHM).build(key), certificate()));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(document), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new CertificateAuthorityException("cannot sign the prescription: " + e.getMessage(), e);
        }
    }
}
