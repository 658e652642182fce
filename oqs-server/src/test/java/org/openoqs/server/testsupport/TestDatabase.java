package org.openoqs.server.testsupport;

import java.nio.file.Path;
import org.openoqs.server.ServerConfig;

/**
 * Which database the module's tests run on: the embedded H2 by default; PostgreSQL when the JVM runs with
 * {@code -Doqs.test.database=postgresql} (the {@code postgresql-tests} profile of oqs-server's pom does that in a
 * second Surefire run wherever PostgreSQL's server binaries are installed, so CI runs the suite on both).
 */
public final class TestDatabase {

    public static final String PROPERTY = "oqs.test.database";

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
    }

    /** Points the server of {@code home} at its PostgreSQL database when the suite runs on PostgreSQL. */
    public static ServerConfig.Builder applyTo(ServerConfig.Builder builder, Path home) {
        if (!postgres()) {
            return builder;
        }
        if (!ThrowawayPostgres.installed()) {
            throw new IllegalStateException(PROPERTY + "=postgresql but PostgreSQL's server binaries are not "
                    + "installed (apt-get install -y postgresql)");
        }
        return builder.jdbc(ThrowawayPostgres.shared().jdbcUrlFor(home), null, null);
    }
}
