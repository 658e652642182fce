package org.openoqs.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The HTTPS listener's key and trust stores (the PKCS#12 files of {@link ServerConfig}), read on a thread of their
 * own while Spring builds the application, and handed to Tomcat as the SSL bundle {@value #BUNDLE}.
 *
 * <p>Why: opening a PKCS#12 file derives its keys with 10,000 rounds of PBKDF2 (the JDK's default), and at start-up
 * that code still runs in the interpreter. Read by Tomcat in the middle of the start it cost about a second on the
 * 2-core machine (docs/performance.md, "Demo start"); read here it overlaps with Spring's own work on the other
 * core. The private key goes to Tomcat in an in-memory key store whose protection is cheap to open: it never
 * leaves the process, and the file on disk keeps its protection.
 */
final class ListenerTlsStores {

    static final String BUNDLE = "openoqs-listener";

    private final CompletableFuture<Stores> stores;

    private ListenerTlsStores(CompletableFuture<Stores> stores) {
        this.stores = stores;
    }

    /** Starts reading the stores of {@code cfg}; a problem with them surfaces when Tomcat asks for them. */
    static ListenerTlsStores readInBackground(ServerConfig cfg) {
        CompletableFuture<Stores> reading = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                reading.complete(read(cfg));
            } catch (RuntimeException | Error failed) {
                reading.completeExceptionally(failed);
            }
        }, "oqs-listener-keys");
        reader.setDaemon(true);
        reader.start();
        return new ListenerTlsStores(reading);
    }

    /** Registers the bundle; Tomcat waits for the stores only when it builds its TLS context. */
    SslBundleRegistrar registrar() {
        return registry -> registry.registerBundle(BUNDLE, SslBundle.of(new LazyStores(), new LazyKey()));
    }

    private Stores stores() {
        try {
            return stores.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Stores(KeyStore keys, String keyPassword, String alias, KeyStore trust) {
    }

    private static Stores read(ServerConfig cfg) {
        char[] password = cfg.serverKeyStorePassword();
        KeyStore file = load(cfg.serverKeyStore(), password, "server key store");
        try {
            String alias = Collections.list(file.aliases()).stream().filter(a -> isKeyEntry(file, a)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "the server key store " + cfg.serverKeyStore() + " holds no private key"));
            Key key = file.getKey(alias, password);
            Certificate[] chain = file.getCertificateChain(alias);
            KeyStore inMemory = KeyStore.getInstance("JKS");
            inMemory.load(null, null);
            inMemory.setKeyEntry(alias, key, password, chain);
            return new Stores(inMemory, new String(password), alias,
                    load(cfg.trustStore(), cfg.trustStorePassword(), "trust store"));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the server key store " + cfg.serverKeyStore() + ": " + e, e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore load(Path path, char[] password, String what) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " " + path + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the " + what + " " + path + ": " + e, e);
        }
    }

    /** The stores, waited for on first use. */
    private final class LazyStores implements SslStoreBundle {

        @Override
        public KeyStore getKeyStore() {
            return stores().keys();
        }

        @Override
        public String getKeyStorePassword() {
            return stores().keyPassword();
        }

        @Override
        public KeyStore getTrustStore() {
            return stores().trust();
        }
    }

    /** The key's alias and password, waited for on first use. */
    private final class LazyKey implements SslBundleKey {

        @Override
        public String getPassword() {
            return stores().keyPassword();
        }

        @Override
        public String getAlias() {
            return stores().alias();
        }
    }
}
