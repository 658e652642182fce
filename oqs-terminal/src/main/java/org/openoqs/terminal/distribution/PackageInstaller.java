package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.RefusalReason;

import org.openoqs.terminal.central.PackageRefusedException;

import org.openoqs.terminal.central.DistributionUnavailableException;

import org.openoqs.terminal.central.AvailablePackage;

import org.openoqs.terminal.central.DistributionServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.openoqs.pki.PackageSignatureVerifier;
import org.openoqs.pki.SignatureCheck;

/**
 * Verifies a downloaded package and installs it: detached CMS signature by a code-signing certificate of the
 * terminal's CA (checked against the CA's CRL), then the SHA-256 the service listed, then the package's own
 * manifest (component and version) — and only then side-by-side installation and the atomic switch. A refused
 * package changes nothing: the version in use keeps running.
 */
public final class PackageInstaller {
    private final InstalledComponents components;
    private final DistributionHome home;
    private final X509Certificate trustAnchor;
    private final Clock clock;

    public PackageInstaller(InstalledComponents components, DistributionHome home, X509Certificate trustAnchor,
                            Clock clock) {
        this.components = components;
        this.home = home;
        this.trustAnchor = trustAnchor;
        this.clock = clock;
    }

    /**
     * Downloads, verifies, installs and switches to {@code available}.
     *
     * @param crl the CA's current CRL; a supplier returning null makes the signer check fail closed
     * @throws PackageRefusedException the package failed a check; nothing was installed
     * @throws DistributionUnavailableException the download failed; retried next cycle
     */
    public InstalledComponents.ComponentState update(DistributionServer server, AvailablePackage available,
                                                     Supplier<X509CRL> crl) throws IOException {
        Files.createDirectories(home.downloads());
        Path download = Files.createTempFile(home.downloads(), available.component() + "-" + available.version() + "-",
                ".zip.part");
        try {
            server.download(available, download);
            byte[] signature = server.signature(available).orElse(null);
            verify(download, signature, available, crl);
            // the running agent and an "oqs distribution update" may meet here: one installs at a time
            try (FileChannel lock = FileChannel.open(home.root().resolve("install.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                components.installSideBySide(available.component(), available.version(), download);
                return components.switchTo(available.component(), available.version());
            }
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /**
     * The three checks, in this order (a modified package is always reported as tampered).
     *
     * @throws PackageRefusedException with the Japanese reason
     */
    public void verify(Path zip, byte[] signature, AvailablePackage expected, Supplier<X509CRL> crl) throws IOException {
        String name = expected.component() + " " + expected.version();
        SignatureCheck check = new PackageSignatureVerifier(trustAnchor, crl).verify(zip, signature, clock.instant());
        if (!check.valid()) {
            throw new PackageRefusedException(RefusalReason.SIGNATURE,
                    "配信パッケージ " + name + " をインストールしません: " + check.message() + "。");
        }
        String actual = sha256(zip);
        if (!actual.equalsIgnoreCase(expected.sha256())) {
            throw new PackageRefusedException(RefusalReason.HASH, "配信パッケージ " + name
                    + " をインストールしません: ハッシュ値（SHA-256）が配信サーバーの一覧と一致しません。");
        }
        PackageArchive.Manifest manifest = PackageArchive.manifest(zip);
        if (!manifest.component().equals(expected.component()) || !manifest.version().equals(expected.version())) {
            throw new PackageRefusedException(RefusalReason.MANIFEST, "配信パッケージ " + name
                    + " をインストールしません: パッケージの内容は " + manifest.component() + " " + manifest.version()
                    + " です（名前・バージョンの不一致）。");
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
