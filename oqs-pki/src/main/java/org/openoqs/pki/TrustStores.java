package org.openoqs.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** PKCS#12 trust/key stores and the mutual-TLS {@link SSLContext}s built from them. */
public final class TrustStores {
    private TrustStores() {
    }

    /** In-memory PKCS#12 trust store; aliases are {@code trusted-0}, {@code trusted-1}, ... */
    public static KeyStore trustStoreOf(X509Certificate... anchors) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < anchors.length; i++) {
                store.setCertificateEntry("trusted-" + i, anchors[i]);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreWriteException("Cannot build a trust store", e);
        }
    }

    /** Writes a PKCS#12 trust store atomically (world-readable: it holds only certificates). */
    public static void writeTrustStore(Path file, char[] password, X509Certificate... anchors) {
        KeyStore store = trustStoreOf(anchors);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            AtomicFiles.writePublic(file, out.toByteArray());
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyStoreWriteException("Cannot write trust store " + file, e);
        }
    }

    /**
     * Loads a PKCS#12 file, telling a wrong password ({@link WrongPasswordException}) apart from a missing or
     * corrupt file ({@link KeyStoreLoadException}).
     */
    public static KeyStore loadPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new KeyStoreLoadException("PKCS#12 file not found: " + file, e);
        } catch (IOException e) {
            // The JDK reports a failed MAC / decryption as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPasswordException("Wrong password for PKCS#12 file " + file, e);
            }
            throw new KeyStoreLoadException("Cannot read PKCS#12 file " + file, e);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreLoadException("Cannot read PKCS#12 file " + file, e);
        }
    }

    /** Mutual-TLS client context (e.g. for {@code java.net.http.HttpClient.newBuilder().sslContext(...)}). */
    public static SSLContext clientContext(Path clientP12, char[] p12Password, Path trustP12, char[] trustPassword) {
        return clientContext(loadPkcs12(clientP12, p12Password), p12Password, loadPkcs12(trustP12, trustPassword));
    }

    public static SSLContext clientContext(KeyStore keys, char[] keyPassword, KeyStore trust) {
        return tlsContext(keys, keyPassword, trust);
    }

    /**
     * Server side of the same pairing; the caller still has to demand client certificates
     * ({@code SSLParameters.setNeedClientAuth(true)} or {@code server.ssl.client-auth=need}).
     */
    public static SSLContext serverContext(KeyStore keys, char[] keyPassword, KeyStore trust) {
        return tlsContext(keys, keyPassword, trust);
    }

    private static SSLContext tlsContext(KeyStore keys, char[] keyPassword, KeyStore trust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyPassword);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsContextException("Cannot build a TLS context from the given key and trust stores", e);
        }
    }
}
