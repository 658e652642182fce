package org.openoqs.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A freshly issued key pair and certificate. {@code chain} is leaf first, then the CA certificate, which is
 * what a TLS peer must send.
 */
public record IssuedCredential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public IssuedCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("chain must start with the certificate itself");
        }
    }

    /** In-memory PKCS#12 key store holding one key entry (leaf + chain) under {@code alias}. */
    public KeyStore toKeyStore(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreWriteException("Cannot build a PKCS#12 key store for alias " + alias, e);
        }
    }

    /** PKCS#12 bytes (the JDK's defaults: PBES2/AES-256 + HmacSHA256 MAC, readable by OpenSSL 3 and curl). */
    public byte[] toPkcs12(String alias, char[] password) {
        KeyStore store = toKeyStore(alias, password);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreWriteException("Cannot encode the PKCS#12 key store for alias " + alias, e);
        }
    }

    /** Writes {@link #toPkcs12} atomically with owner-only permissions, since it holds the private key. */
    public void writePkcs12(Path file, String alias, char[] password) {
        byte[] bytes = toPkcs12(alias, password);
        try {
            AtomicFiles.writeSecret(file, bytes);
        } catch (IOException e) {
            throw new KeyStoreWriteException("Cannot write PKCS#12 file " + file, e);
        }
    }

    public String certificatePem() {
        return certificatesPem(List.of(certificate));
    }

    /** Leaf and CA certificate, for tools that want the full chain in one PEM file. */
    public String chainPem() {
        return certificatesPem(chain);
    }

    /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"); protect the file it goes into. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** Never print key material: the JDK's key toString() may include it. */
    @Override
    public String toString() {
        return "IssuedCredential[subject=" + certificate.getSubjectX500Principal().getName()
                + ", serial=" + Serials.format(certificate.getSerialNumber()) + "]";
    }

    private static String certificatesPem(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate cert : certificates) {
            try {
                pem.append(Pem.encode("CERTIFICATE", cert.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new KeyStoreWriteException("Cannot encode certificate " + cert.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }
}
