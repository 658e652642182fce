package org.openoqs.server.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One throw-away PostgreSQL cluster for the whole test JVM (Debian's server binaries, started by
 * {@code scripts/pg-throwaway.sh}, stopped and deleted at JVM exit), with a fresh database per server home: a test
 * that restarts a server on the same home finds its data, two tests never see each other's.
 */
public final class ThrowawayPostgres {

    private static final Path SCRIPT = Path.of("..", "scripts", "pg-throwaway.sh").toAbsolutePath().normalize();
    private static ThrowawayPostgres instance;

    private final String clusterDirectory;
    private final String adminUrl;
    private final Map<Path, String> databaseByHome = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    private ThrowawayPostgres(String clusterDirectory, String adminUrl) {
        this.clusterDirectory = clusterDirectory;
        this.adminUrl = adminUrl;
    }

    /** True where PostgreSQL's server binaries are installed ({@code apt-get install -y postgresql}). */
    public static boolean installed() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")));
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM's cluster, started on first use. */
    public static synchronized ThrowawayPostgres shared() {
        if (instance == null) {
            instance = start();
            ThrowawayPostgres started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "oqs-throwaway-postgres-stop"));
        }
        return instance;
    }

    /** The JDBC URL of the database belonging to {@code home}, created empty on first request. */
    public String jdbcUrlFor(Path home) {
        String database = databaseByHome.computeIfAbsent(home.toAbsolutePath().normalize(), h -> {
            String name = "oqs_test_" + counter.incrementAndGet();
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
            return name;
        });
        return adminUrl.replace("/oqs?", "/" + database + "?");
    }

    private static ThrowawayPostgres start() {
        try {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), "start").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg-throwaway.sh start failed:\n" + out);
            }
            String dir = null;
            String url = null;
            for (String line : out.split("\n")) {
                if (line.startsWith("PGDIR=")) {
                    dir = line.substring("PGDIR=".length()).strip();
                } else if (line.startsWith("URL=")) {
                    url = line.substring("URL=".length()).strip();
                }
            }
            if (dir == null || url == null) {
                throw new IllegalStateException("pg-throwaway.sh printed no PGDIR/URL:\n" + out);
            }
            return new ThrowawayPostgres(dir, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        try {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), "stop", clusterDirectory)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // best effort at JVM exit
        }
    }
}
