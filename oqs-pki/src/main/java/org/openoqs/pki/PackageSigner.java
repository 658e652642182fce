package org.openoqs.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs distribution packages: a detached CMS {@code SignedData} (DER, usually stored as {@code <file>.p7s}) with
 * SHA-256 / ECDSA, carrying the signer certificate and its CA so a verifier needs only the pinned CA certificate.
 * OpenSSL checks it with {@code openssl cms -verify -binary -inform DER -content FILE -in FILE.p7s -CAfile ca.pem}.
 *
 * <p>The signer does not police its key: {@link PackageSignatureVerifier} is the gate, and it refuses anything
 * but a code-signing certificate of the CA.
 */
public final class PackageSigner {
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final List<X509Certificate> chain;

    public PackageSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("chain must hold at least the signer certificate");
        }
        this.certificate = this.chain.get(0);
    }

    public static PackageSigner of(IssuedCredential credential) {
        return new PackageSigner(credential.privateKey(), credential.chain());
    }

    /** The first key entry of a PKCS#12 file (e.g. the one {@code oqs ca issue --kind code-signing} wrote). */
    public static PackageSigner fromPkcs12(Path file, char[] password) {
        KeyStore store = TrustStores.loadPkcs12(file, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, password);
                if (key instanceof PrivateKey privateKey) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new PackageSigner(privateKey, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new KeyStoreLoadException("Cannot read the signing key from " + file, e);
        }
        throw new KeyStoreLoadException("No private key entry in " + file, null);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Detached signature of a file, streamed (packages can be large). */
    public byte[] sign(Path content) {
        if (!Files.isRegularFile(content)) {
            throw new IllegalArgumentException("Not a file: " + content);
        }
        return sign(new CMSProcessableFile(content.toFile()));
    }

    public byte[] sign(byte[] content) {
        return sign(new CMSProcessableByteArray(content));
    }

    private byte[] sign(CMSTypedData data) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(X509Signing.SIGNATURE_ALGORITHM).build(key), certificate));
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(data, false).getEncoded();
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new CertificateAuthorityException("Cannot sign the package: " + e.getMessage(), e);
        }
    }
}
