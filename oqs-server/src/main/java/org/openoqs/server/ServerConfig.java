package org.openoqs.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything the central service needs to start, without any properties file.
 *
 * @param home                   server home; the embedded H2 database lives under {@code home/db/oqs}
 * @param port                   HTTPS port; 0 picks a free one (read it back with {@link CentralServer#port()})
 * @param jdbcUrl                {@code null} → H2 file database under {@code home/db/oqs} (PostgreSQL mode)
 * @param jdbcUser               database user ({@code null} → "sa" for H2, driver default otherwise)
 * @param jdbcPassword           database password ({@code null} → empty)
 * @param serverKeyStore         PKCS#12 with the server's TLS key and certificate chain (one key entry)
 * @param serverKeyStorePassword its password (store and key)
 * @param trustStore             PKCS#12 holding the CA certificate client certificates must chain to
 * @param trustStorePassword     its password
 * @param caDirectory            the CA directory (oqs-pki layout): its CA certificate and current CRL are checked
 *                               on every terminal API request. With {@code ca.p12} the CA itself is loaded (and
 *                               re-signs its CRL); with only {@code ca.pem} + {@code crl.pem} those files are used
 * @param seedDemoData           when the registry is empty, load the personas and the synthetic population
 * @param caPassword             password of {@code ca.p12}; {@code null}/empty → read from {@code ca.password}
 * @param populationSize         size of the synthetic population seeded next to the personas (default 10,000)
 * @param bindAddress            address to listen on; {@code null} = all interfaces
 * @param clock                  the service's clock ({@code null} → system clock); always used in Asia/Tokyo
 * @param auditKeyFile           the audit chain's HMAC key file ({@code null} → {@code home/audit/chain.key});
 *                               instances sharing one database must share this file
 * @param managementPort         plain-HTTP port of the actuator (health, Prometheus metrics), never the API port;
 *                               0 picks a free one (read it back with {@link CentralServer#managementPort()})
 * @param managementAddress      address the actuator listens on; {@code null} → loopback (127.0.0.1) only
 */
public record ServerConfig(
        Path home,
        int port,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Path serverKeyStore,
        char[] serverKeyStorePassword,
        Path trustStore,
        char[] trustStorePassword,
        Path caDirectory,
        boolean seedDemoData,
        char[] caPassword,
        int populationSize,
        String bindAddress,
        Clock clock,
        Path auditKeyFile,
        int managementPort,
        String managementAddress) {

    /** Japan Standard Time, the only time zone the service reasons in. */
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** The seed of the synthetic population, fixed so that every installation has the same people. */
    public static final long POPULATION_SEED = 20260401L;

    public static final int DEFAULT_POPULATION_SIZE = 10_000;

    /** Where the actuator listens unless told otherwise: metrics are for the operator's own machine. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The essentials; CA password from {@code ca.password}, 10,000 people, all interfaces, system clock. */
    public ServerConfig(Path home, int port, String jdbcUrl, String jdbcUser, String jdbcPassword, Path serverKeyStore,
                        char[] serverKeyStorePassword, Path trustStore, char[] trustStorePassword, Path caDirectory,
                        boolean seedDemoData) {
        this(home, port, jdbcUrl, jdbcUser, jdbcPassword, serverKeyStore, serverKeyStorePassword, trustStore,
                trustStorePassword, caDirectory, seedDemoData, null, DEFAULT_POPULATION_SIZE, null, null, null, 0, null);
    }

    public ServerConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(serverKeyStore, "serverKeyStore");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(caDirectory, "caDirectory");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (managementPort < 0 || managementPort > 65535) {
            throw new IllegalArgumentException("management port out of range: " + managementPort);
        }
        managementAddress = managementAddress == null || managementAddress.isBlank() ? LOOPBACK : managementAddress;
        if (populationSize < 0) {
            throw new IllegalArgumentException("populationSize must be >= 0");
        }
        home = home.toAbsolutePath();
        serverKeyStore = serverKeyStore.toAbsolutePath();
        trustStore = trustStore.toAbsolutePath();
        caDirectory = caDirectory.toAbsolutePath();
        serverKeyStorePassword = serverKeyStorePassword == null ? new char[0] : serverKeyStorePassword.clone();
        trustStorePassword = trustStorePassword == null ? new char[0] : trustStorePassword.clone();
        caPassword = caPassword == null ? new char[0] : caPassword.clone();
        clock = clock == null ? Clock.system(TOKYO) : clock.withZone(TOKYO);
        auditKeyFile = auditKeyFile == null ? null : auditKeyFile.toAbsolutePath();
    }

    /** The audit chain key file actually used. */
    public Path effectiveAuditKeyFile() {
        return auditKeyFile != null ? auditKeyFile : home.resolve("audit").resolve("chain.key");
    }

    /** True when no JDBC URL was given and the embedded H2 file database is used. */
    public boolean embeddedDatabase() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    /** The JDBC URL actually used. */
    public String effectiveJdbcUrl() {
        return embeddedDatabase() ? embeddedJdbcUrl(home) : jdbcUrl;
    }

    /** The embedded H2 file database of a server home ({@code home/db/oqs}); {@code oqs audit verify} opens it too. */
    public static String embeddedJdbcUrl(Path home) {
        String file = home.toAbsolutePath().resolve("db").resolve("oqs").toString().replace('\\', '/');
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database under the service's orderly
        // shutdown (workers and in-flight requests still using it); the connection pool closes it last instead.
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    @Override
    public String toString() { // never print passwords
        return "ServerConfig[home=" + home + ", port=" + port + ", bindAddress=" + bindAddress + ", management=" + managementAddress + ":"
                + managementPort + ", jdbcUrl="
                + effectiveJdbcUrl() + ", serverKeyStore=" + serverKeyStore + ", trustStore=" + trustStore
                + ", caDirectory=" + caDirectory + ", seedDemoData=" + seedDemoData + ", populationSize="
                + populationSize + "]";
    }

    /** Fluent construction; unset values take the defaults documented on the record. */
    public static final class Builder {
        private final Path home;
        private int port;
        private String bindAddress;
        private String jdbcUrl;
        private String jdbcUser;
        private String jdbcPassword;
        private Path serverKeyStore;
        private char[] serverKeyStorePassword;
        private Path trustStore;
        private char[] trustStorePassword;
        private Path caDirectory;
        private char[] caPassword;
        private boolean seedDemoData = true;
        private int populationSize = DEFAULT_POPULATION_SIZE;
        private Clock clock;
        private Path auditKeyFile;
        private int managementPort;
        private String managementAddress;

        private Builder(Path home) {
            this.home = home;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder jdbc(String url, String user, String password) {
            this.jdbcUrl = url;
            this.jdbcUser = user;
            this.jdbcPassword = password;
            return this;
        }

        public Builder serverKeyStore(Path path, char[] password) {
            this.serverKeyStore = path;
            this.serverKeyStorePassword = password;
            return this;
        }

        public Builder trustStore(Path path, char[] password) {
            this.trustStore = path;
            this.trustStorePassword = password;
            return this;
        }

        public Builder ca(Path directory, char[] password) {
            this.caDirectory = directory;
            this.caPassword = password;
            return this;
        }

        public Builder seedDemoData(boolean seed) {
            this.seedDemoData = seed;
            return this;
        }

        public Builder populationSize(int size) {
            this.populationSize = size;
            return this;
        }

        /** The actuator's plain-HTTP port (0: a free one) and address ({@code null}: loopback). */
        public Builder management(int port, String address) {
            this.managementPort = port;
            this.managementAddress = address;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Where the audit chain's key is (default {@code home/audit/chain.key}); one file for a shared database. */
        public Builder auditKeyFile(Path file) {
            this.auditKeyFile = file;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(home, port, jdbcUrl, jdbcUser, jdbcPassword, serverKeyStore,
                    serverKeyStorePassword, trustStore, trustStorePassword, caDirectory, seedDemoData, caPassword,
                    populationSize, bindAddress, clock, auditKeyFile, managementPort, managementAddress);
        }
    }
}
