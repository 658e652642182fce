package org.openoqs.app.audit;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import org.openoqs.server.ServerConfig;

/**
 * Where an installation's audit chain is: the database (a JDBC URL with its user) and the key file
 * ({@code chain.key}) that anchors it outside the database.
 *
 * <p>A demo home keeps the central service's home in {@code server/} (embedded H2 in {@code server/db/oqs}, key in
 * {@code server/audit/chain.key}); a server home has them directly. With {@code --jdbc} (PostgreSQL) the key file
 * is the one the service was configured with.
 *
 * @param jdbcUrl    what to open; for the embedded database read-only and never created
 * @param user       database user ({@code null}: the driver's default; {@code sa} for H2)
 * @param password   database password ({@code null}: none)
 * @param keyFile    the audit chain's key file
 * @param healthUri  the running demo's health endpoint on its management port (to ask when its database is in use)
 * @param inUseMarker a file locked while a service has the embedded database open: the demo's home lock, or H2's
 *                    own {@code oqs.lock.db} for a server home (empty for {@code --jdbc})
 */
public record AuditChainLocation(String jdbcUrl, String user, String password, Path keyFile,
                                 Optional<URI> healthUri, Optional<Path> inUseMarker) {

    static final String DEMO_PROPERTIES = "demo.properties";

    /** A demo home or a server home with its embedded H2 database. */
    public static AuditChainLocation ofHome(Path home, Path keyFile) throws IOException {
        Path root = home.toAbsolutePath().normalize();
        Path demoProperties = root.resolve(DEMO_PROPERTIES);
        boolean demo = Files.isRegularFile(demoProperties);
        Path serverHome = demo ? root.resolve("server") : root;
        Path key = keyFile != null ? keyFile : serverHome.resolve("audit").resolve("chain.key");
        String url = ServerConfig.embeddedJdbcUrl(serverHome) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        Path marker = demo ? root.resolve(".oqs-demo.lock") : serverHome.resolve("db").resolve("oqs.lock.db");
        return new AuditChainLocation(url, "sa", "", key, demo ? healthOf(demoProperties) : Optional.empty(),
                Optional.of(marker));
    }

    /** A database the service was configured with ({@code jdbc:postgresql://…}), with the service's key file. */
    public static AuditChainLocation ofJdbc(String url, String user, String password, Path keyFile) {
        return new AuditChainLocation(url, user, password, keyFile, Optional.empty(), Optional.empty());
    }

    /** Where the demo's service answers its own health (next to {@code metrics.url} on the management port). */
    private static Optional<URI> healthOf(Path demoProperties) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(demoProperties, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String metrics = p.getProperty("metrics.url", "").strip();
        return metrics.isEmpty() ? Optional.empty() : Optional.of(URI.create(metrics).resolve("health"));
    }

    /**
     * True while a service has the embedded database open. H2 would let a read-only connection in beside the
     * running service, but would then read a file being written; the running service's own verification is asked
     * instead. The demo holds an OS lock on its home lock file for as long as it runs (released even after a crash);
     * a server home's H2 keeps {@code oqs.lock.db} while the database is open.
     */
    public boolean serviceRunning() {
        if (inUseMarker.isEmpty() || !Files.exists(inUseMarker.get())) {
            return false;
        }
        Path marker = inUseMarker.get();
        if (!marker.getFileName().toString().equals(".oqs-demo.lock")) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        } catch (IOException unreadable) {
            return false; // then opening the database says what is wrong
        }
    }

    /** The database as a person reads it: the file of an embedded database, the URL without parameters otherwise. */
    public String describeDatabase() {
        if (jdbcUrl.startsWith("jdbc:h2:file:")) {
            return jdbcUrl.substring("jdbc:h2:file:".length()).split(";")[0] + ".mv.db";
        }
        return jdbcUrl.split("\\?")[0];
    }
}
