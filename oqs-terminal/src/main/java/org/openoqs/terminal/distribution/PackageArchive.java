package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.RefusalReason;

import org.openoqs.terminal.central.PackageRefusedException;

import org.openoqs.terminal.central.PackageVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A package file: a ZIP whose root holds {@value #MANIFEST} ({@code component=…}, {@code version=…}) next to the
 * files to install. The manifest binds the signed bytes to their name and version, so a validly signed old
 * package cannot be served as a newer version (downgrade) or as another component.
 *
 * <p>Extraction refuses absolute names, {@code ..} segments and more than {@value #MAX_ENTRIES} entries or
 * {@value #MAX_BYTES} bytes (a ZIP bomb), whatever the signature says.
 */
public final class PackageArchive {
    public static final String MANIFEST = "oqs-package.properties";
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 1L << 30;

    private PackageArchive() {
    }

    /** Component and version as the package's own manifest states them. */
    public record Manifest(String component, PackageVersion version) {
    }

    /** @throws PackageRefusedException no readable manifest */
    public static Manifest manifest(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = file.getEntry(MANIFEST);
            if (entry == null) {
                throw new PackageRefusedException(RefusalReason.MANIFEST,
                        "パッケージに " + MANIFEST + " がありません");
            }
            Properties properties = new Properties();
            try (InputStream in = file.getInputStream(entry)) {
                properties.load(new StringReader(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8)));
            }
            String component = properties.getProperty("component", "").strip();
            String version = properties.getProperty("version", "").strip();
            return new Manifest(component, PackageVersion.of(version));
        } catch (IllegalArgumentException e) {
            throw new PackageRefusedException(RefusalReason.MANIFEST, MANIFEST + " のバージョンが正しくありません");
        } catch (IOException e) {
            throw new PackageRefusedException(RefusalReason.MANIFEST, "パッケージ（ZIP）を読み取れません: " + e.getMessage());
        }
    }

    /** Extracts every entry below {@code target} (which must not exist yet). */
    static void extract(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toAbsolutePath().normalize();
        long total = 0;
        int count = 0;
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                if (++count > MAX_ENTRIES) {
                    throw new PackageRefusedException(RefusalReason.ARCHIVE, "パッケージのファイル数が多すぎます");
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (entry.getName().startsWith("/") || entry.getName().contains("\\") || !destination.startsWith(root)
                        || destination.equals(root)) {
                    throw new PackageRefusedException(RefusalReason.ARCHIVE,
                            "パッケージに不正なファイル名があります: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_BYTES) {
                            throw new PackageRefusedException(RefusalReason.ARCHIVE, "パッケージの展開後の大きさが上限を超えています");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        }
    }
}
