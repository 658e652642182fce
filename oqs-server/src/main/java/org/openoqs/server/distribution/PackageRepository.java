package org.openoqs.server.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.openoqs.files.DurableWrites;

/**
 * The packages the distribution service offers, on disk so that the {@code oqs distribution publish} command can add
 * one while the service runs (the demo's embedded database is locked by the running process):
 * <pre>
 *   &lt;dir&gt;/&lt;component&gt;/&lt;version&gt;/package.zip         the package
 *   &lt;dir&gt;/&lt;component&gt;/&lt;version&gt;/package.zip.p7s     its detached CMS signature (absent = unsigned)
 *   &lt;dir&gt;/&lt;component&gt;/&lt;version&gt;/package.properties  size, sha256, publishedAt — written last
 * </pre>
 * A version directory is built under a temporary name and renamed into place, so a listing never shows half a
 * package. Several service instances share the directory (e.g. on NFS) the same way.
 *
 * <p>The repository does not judge signatures: it serves exactly what was published, and every terminal verifies
 * the signature and the hash itself before installing (a compromised mirror cannot push a package).
 */
public final class PackageRepository {
    public static final String CONTENT = "package.zip";
    public static final String SIGNATURE = "package.zip.p7s";
    public static final String METADATA = "package.properties";

    private final Path dir;
    private final Clock clock;

    public PackageRepository(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Adds a package; a version that exists already is refused (a published version never changes).
     *
     * @param signature detached CMS signature, or null to publish unsigned (terminals will refuse it)
     * @throws IllegalStateException the version exists
     */
    public PackageEntry publish(PackageCoordinates coordinates, Path content, byte[] signature) throws IOException {
        Path target = versionDir(coordinates);
        if (Files.exists(target)) {
            throw new IllegalStateException(coordinates + " は公開済みです（公開済みのバージョンは置き換えられません）");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + coordinates.version() + ".");
        try {
            Files.copy(content, staging.resolve(CONTENT));
            if (signature != null) {
                Files.write(staging.resolve(SIGNATURE), signature);
            }
            Instant publishedAt = clock.instant();
            Properties metadata = new Properties();
            metadata.setProperty("component", coordinates.component());
            metadata.setProperty("version", coordinates.version());
            metadata.setProperty("size", Long.toString(Files.size(staging.resolve(CONTENT))));
            metadata.setProperty("sha256", sha256(staging.resolve(CONTENT)));
            metadata.setProperty("publishedAt", publishedAt.toString());
            try (Writer writer = Files.newBufferedWriter(staging.resolve(METADATA), StandardCharsets.UTF_8)) {
                metadata.store(writer, "openoqs distribution package");
            }
            DurableWrites.moveIntoPlace(staging, target, false); // the staged folder appears whole or not at all
        } finally {
            deleteTree(staging);
        }
        return entry(target).orElseThrow();
    }

    /** Every complete package, by component and then version (numerically). */
    public List<PackageEntry> list() {
        List<PackageEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> components = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path component : components) {
                try (DirectoryStream<Path> versions = Files.newDirectoryStream(component, Files::isDirectory)) {
                    for (Path version : versions) {
                        if (version.getFileName().toString().startsWith(".")) {
                            continue; // a version still being published (staging directory)
                        }
                        entry(version).ifPresent(entries::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the package repository " + dir, e);
        }
        entries.sort(Comparator.comparing(PackageEntry::component).thenComparing(PackageEntry::version,
                PackageRepository::compareVersions));
        return entries;
    }

    public Optional<PackageEntry> find(PackageCoordinates coordinates) {
        return entry(versionDir(coordinates));
    }

    /** The package file; empty when the repository does not hold the version. */
    public Optional<Path> content(PackageCoordinates coordinates) {
        return find(coordinates).map(e -> versionDir(coordinates).resolve(CONTENT));
    }

    /** The detached signature; empty when the version is unknown or was published unsigned. */
    public Optional<byte[]> signature(PackageCoordinates coordinates) {
        Path file = versionDir(coordinates).resolve(SIGNATURE);
        if (find(coordinates).isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** 1.10 after 1.9: numbers compared as numbers, a shorter version first when the rest is equal. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private Path versionDir(PackageCoordinates coordinates) {
        return dir.resolve(coordinates.component()).resolve(coordinates.version());
    }

    private static Optional<PackageEntry> entry(Path versionDir) {
        Path metadataFile = versionDir.resolve(METADATA);
        if (!Files.isRegularFile(metadataFile) || !Files.isRegularFile(versionDir.resolve(CONTENT))) {
            return Optional.empty();
        }
        Properties metadata = new Properties();
        try (Reader reader = Files.newBufferedReader(metadataFile, StandardCharsets.UTF_8)) {
            metadata.load(reader);
            return Optional.of(new PackageEntry(metadata.getProperty("component"), metadata.getProperty("version"),
                    Long.parseLong(metadata.getProperty("size")), metadata.getProperty("sha256"),
                    Instant.parse(metadata.getProperty("publishedAt")),
                    Files.isRegularFile(versionDir.resolve(SIGNATURE))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // a damaged entry is not offered
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

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
