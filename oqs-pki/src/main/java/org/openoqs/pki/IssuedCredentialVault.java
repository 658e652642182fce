package org.openoqs.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Key pairs the CA generated for a facility and keeps until the facility downloads them — the "取得サイト" step of
 * the seed (発行依頼 → ダウンロード → セットアップ): the facility chooses the PKCS#12 password when it downloads
 * ({@link #export}). Stored as {@code <CA dir>/pending/<SERIAL>.p12} under the CA password, mode 600.
 * An export removes the CA's copy unless told to keep it, so after the download only the facility holds its key.
 */
public final class IssuedCredentialVault {
    public static final String DIRECTORY = "pending";
    private static final String ALIAS = "facility";

    private final Path dir;
    private final char[] password;

    public IssuedCredentialVault(CertificateAuthority ca, char[] caPassword) {
        this.dir = ca.directory().resolve(DIRECTORY);
        this.password = Objects.requireNonNull(caPassword, "caPassword").clone();
    }

    public void keep(IssuedCredential credential) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.setPermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new KeyStoreWriteException("Cannot create " + dir, e);
        }
        credential.writePkcs12(file(credential.certificate().getSerialNumber()), ALIAS, password);
    }

    public boolean holds(BigInteger serial) {
        return Files.isRegularFile(file(serial));
    }

    public Optional<IssuedCredential> get(BigInteger serial) {
        Path file = file(serial);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        KeyStore store = TrustStores.loadPkcs12(file, password);
        try {
            Key key = store.getKey(ALIAS, password);
            Certificate[] chain = store.getCertificateChain(ALIAS);
            if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
                throw new KeyStoreLoadException(file + " holds no key entry " + ALIAS, null);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : chain) {
                certificates.add((X509Certificate) c);
            }
            return Optional.of(new IssuedCredential(privateKey, certificates.get(0), certificates));
        } catch (GeneralSecurityException e) {
            throw new KeyStoreLoadException("Cannot read " + file, e);
        }
    }

    /**
     * Writes the facility's PKCS#12 with the password it chose and, unless {@code keepCopy}, forgets the CA's copy.
     *
     * @return false when the CA no longer holds the key (already downloaded, or issued from a terminal's request)
     */
    public boolean export(BigInteger serial, Path target, char[] facilityPassword, boolean keepCopy) {
        Optional<IssuedCredential> credential = get(serial);
        if (credential.isEmpty()) {
            return false;
        }
        credential.get().writePkcs12(target, ALIAS, facilityPassword);
        if (!keepCopy) {
            discard(serial);
        }
        return true;
    }

    public void discard(BigInteger serial) {
        try {
            Files.deleteIfExists(file(serial));
        } catch (IOException e) {
            throw new KeyStoreWriteException("Cannot delete " + file(serial), e);
        }
    }

    private Path file(BigInteger serial) {
        return dir.resolve(Serials.format(serial) + ".p12");
    }
}
