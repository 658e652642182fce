package org.openoqs.pki;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A mutual-TLS client context whose client certificate can be replaced while connections are in use: the renewal
 * client writes the new PKCS#12 over the old one (atomic rename) and calls {@link #reloadIfChanged()}; the file is
 * also re-checked (one {@code stat}) at every handshake, so a certificate an installer copies in is picked up too.
 *
 * <p>After a switch the cached TLS sessions are dropped, so the next connection makes a full handshake with the new
 * certificate instead of resuming a session of the old one. Connections already open finish with the old
 * certificate, which a renewal leaves valid until its end date. A replacement that cannot be read (wrong
 * password, damaged file) is not taken: the old certificate stays in use and {@link #lastReloadProblem()} says why.
 */
public final class ReloadableClientTls {
    private final Path clientPkcs12;
    private final char[] password;
    private final SSLContext context;
    private final SwitchingKeyManager keyManager;
    private volatile Loaded current;
    private volatile String lastReloadProblem;
    private final AtomicLong generations = new AtomicLong();

    private ReloadableClientTls(Path clientPkcs12, char[] password, KeyStore trust) {
        this.clientPkcs12 = clientPkcs12;
        this.password = password.clone();
        this.current = load();
        this.keyManager = new SwitchingKeyManager(current, this);
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext inner = SSLContext.getInstance("TLS");
            inner.init(new KeyManager[] {keyManager}, tmf.getTrustManagers(), null);
            context = new SessionPurgingContext(inner, this::purgeStaleSessions);
        } catch (GeneralSecurityException e) {
            throw new TlsContextException("Cannot build a TLS context from " + clientPkcs12, e);
        }
    }

    /**
     * @throws KeyStoreLoadException the client key store cannot be opened now (missing file, wrong password)
     */
    public static ReloadableClientTls open(Path clientPkcs12, char[] password, Path trustPkcs12, char[] trustPassword) {
        return new ReloadableClientTls(clientPkcs12.toAbsolutePath(), password,
                TrustStores.loadPkcs12(trustPkcs12, trustPassword));
    }

    public SSLContext sslContext() {
        return context;
    }

    public Path clientPkcs12() {
        return clientPkcs12;
    }

    /** The certificate the next full handshake presents. */
    public X509Certificate currentCertificate() {
        return current.certificate;
    }

    /** Why the last replacement was not taken; empty after a successful (re)load. */
    public Optional<String> lastReloadProblem() {
        return Optional.ofNullable(lastReloadProblem);
    }

    /**
     * Takes the key store file again when it changed since it was loaded.
     *
     * @return true when a new certificate is now in use
     */
    public synchronized boolean reloadIfChanged() {
        FileStamp stamp = FileStamp.of(clientPkcs12);
        if (stamp == null || stamp.equals(current.stamp)) {
            return false;
        }
        Loaded replacement;
        try {
            replacement = load();
        } catch (KeyStoreLoadException | TlsContextException e) {
            lastReloadProblem = e.getMessage();
            return false;
        }
        lastReloadProblem = null;
        boolean switched = !replacement.certificate.equals(current.certificate);
        current = replacement;
        keyManager.switchTo(replacement);
        if (switched) {
            purgeStaleSessions();
        }
        return switched;
    }

    /**
     * Drops cached sessions made with another certificate than the current one. Runs before every new connection
     * (not only at the switch): a handshake that was in flight during the switch caches a session of the old
     * certificate afterwards, and resuming it would present the old identity again.
     */
    private void purgeStaleSessions() {
        reloadIfChanged();
        SSLSessionContext sessions = context == null ? null : context.getClientSessionContext();
        if (sessions == null) {
            return;
        }
        X509Certificate wanted = current.certificate;
        for (byte[] id : Collections.list(sessions.getIds())) {
            SSLSession session = sessions.getSession(id);
            if (session == null) {
                continue;
            }
            Certificate[] local = session.getLocalCertificates();
            if (local == null || local.length == 0 || !wanted.equals(local[0])) {
                session.invalidate();
            }
        }
    }

    private Loaded load() {
        FileStamp stamp = FileStamp.of(clientPkcs12);
        KeyStore store = TrustStores.loadPkcs12(clientPkcs12, password);
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            X509KeyManager manager = null;
            for (KeyManager km : kmf.getKeyManagers()) {
                if (km instanceof X509KeyManager x509) {
                    manager = x509;
                }
            }
            X509Certificate certificate = null;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                    certificate = cert;
                    break;
                }
            }
            if (manager == null || certificate == null) {
                throw new KeyStoreLoadException(clientPkcs12 + " holds no private key entry", null);
            }
            return new Loaded(manager, certificate, stamp, generations.incrementAndGet());
        } catch (GeneralSecurityException e) {
            throw new TlsContextException("Cannot use the key in " + clientPkcs12, e);
        }
    }

    private record Loaded(X509KeyManager keyManager, X509Certificate certificate, FileStamp stamp, long generation) {
    }

    private record FileStamp(Object fileKey, FileTime modified, long size) {
        static FileStamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(a.fileKey(), a.lastModifiedTime(), a.size());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * Delegates to the key manager of the current file; checks for a replacement before choosing a client key.
     * Aliases carry the generation of the key store they came from ({@code <generation>|<alias>}), so a switch
     * between choosing an alias and fetching its key and chain can never mix the two files.
     */
    private static final class SwitchingKeyManager extends X509ExtendedKeyManager {
        private final ReloadableClientTls owner;
        private volatile Loaded active;
        private volatile Loaded previous;

        SwitchingKeyManager(Loaded initial, ReloadableClientTls owner) {
            this.active = Objects.requireNonNull(initial);
            this.owner = owner;
        }

        void switchTo(Loaded replacement) {
            previous = active;
            active = replacement;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            owner.reloadIfChanged();
            Loaded loaded = active;
            return tag(loaded, loaded.keyManager.chooseClientAlias(keyType, issuers, socket));
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            owner.reloadIfChanged();
            Loaded loaded = active;
            String alias = loaded.keyManager instanceof X509ExtendedKeyManager extended
                    ? extended.chooseEngineClientAlias(keyType, issuers, engine)
                    : loaded.keyManager.chooseClientAlias(keyType, issuers, null);
            return tag(loaded, alias);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            Loaded loaded = active;
            String[] aliases = loaded.keyManager.getClientAliases(keyType, issuers);
            if (aliases == null) {
                return null;
            }
            String[] tagged = new String[aliases.length];
            for (int i = 0; i < aliases.length; i++) {
                tagged[i] = tag(loaded, aliases[i]);
            }
            return tagged;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null; // a client context only
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Loaded loaded = owning(alias);
            return loaded == null ? null : loaded.keyManager.getCertificateChain(untag(alias));
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Loaded loaded = owning(alias);
            return loaded == null ? null : loaded.keyManager.getPrivateKey(untag(alias));
        }

        private static String tag(Loaded loaded, String alias) {
            return alias == null ? null : loaded.generation + "|" + alias;
        }

        private static String untag(String alias) {
            return alias.substring(alias.indexOf('|') + 1);
        }

        private Loaded owning(String alias) {
            if (alias == null || alias.indexOf('|') < 0) {
                return null;
            }
            String generation = alias.substring(0, alias.indexOf('|'));
            for (Loaded candidate : new Loaded[] {active, previous}) {
                if (candidate != null && String.valueOf(candidate.generation).equals(generation)) {
                    return candidate;
                }
            }
            return null;
        }
    }
}
