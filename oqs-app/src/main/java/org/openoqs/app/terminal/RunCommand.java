package org.openoqs.app.terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.cleanup.CleanupSettings;
import org.openoqs.terminal.credentials.CredentialException;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.encryption.EncryptionConfig;
import org.openoqs.terminal.encryption.EncryptionConfigException;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.reader.CardReaderTerminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs terminal run --home DIR}: the facility terminal as a long-running service (systemd unit
 * {@code deploy/systemd/oqs-terminal.service}), until SIGTERM. Settings come from {@code DIR/terminal.properties},
 * credentials from the store in {@code DIR}, encryption switches from {@code DIR/config}. A configuration that
 * cannot work (missing properties or credentials, malformed encrypt.conf) exits with {@value #EX_CONFIG}, which
 * the unit does not restart.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the terminal (linkage agent, leftover-file cleanup) until stopped.",
                "DIR/terminal.properties: service.uri, client.p12, client.p12.password, trust.p12, trust.p12.password,",
                "  exchange.dir (default DIR/../OQS: req, res, face), work.dir (default DIR/work),",
                "  cleanup.retention.minutes (default 1440), institution.code (optional; must match the store),",
                "  reader.port (optional: runs the card reader's local page on 127.0.0.1:PORT, 0 = any free port;",
                "  needs the credential OQS_FACE_LOGIN_KEY, the reader's 顔認証用アカウント)."})
public final class RunCommand implements Callable<Integer> {

    /** sysexits.h EX_CONFIG: configuration error, not worth a restart. */
    static final int EX_CONFIG = 78;
    static final String PROPERTIES = "terminal.properties";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", required = true, description = "The terminal home.")
    Path home;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TerminalConfig config;
        OptionalInt readerPort;
        try {
            Path dir = home.toAbsolutePath().normalize();
            config = configFrom(dir);
            readerPort = readerPort(load(dir));
            // checked here as well so that a gap is reported before certificates are opened
            EncryptionConfig encryption = EncryptionConfig.load(EncryptionConfig.configDirectory(config.home()));
            Set<CredentialKey> needed = EnumSet.noneOf(CredentialKey.class);
            if (encryption.anyEncrypted()) {
                needed.add(CredentialKey.OQS_CRYPT_PASS);
            }
            if (readerPort.isPresent()) {
                needed.add(CredentialKey.OQS_FACE_LOGIN_KEY);
            }
            CredentialStore.open(config.home()).requireValid(needed);
        } catch (CredentialException | EncryptionConfigException | IllegalArgumentException refused) {
            err.println("oqs terminal: " + refused.getMessage());
            return EX_CONFIG;
        }
        FacilityTerminal terminal;
        try {
            terminal = FacilityTerminal.start(config, FacilityTerminal.overHttps(config));
        } catch (CredentialException | EncryptionConfigException refused) {
            err.println("oqs terminal: " + refused.getMessage());
            return EX_CONFIG;
        }
        CardReaderTerminal reader = null;
        if (readerPort.isPresent()) { // the card reader signs in with OQS_FACE_LOGIN_KEY (docs/card-path.md)
            try {
                reader = CardReaderTerminal.start(config, terminal.institutionCode(), config.home().resolve("reader"),
                        config.face(), terminal.faceResultEncryption(), readerPort.getAsInt(),
                        terminal.centralSessions()); // under the terminal's session limit and health
            } catch (IOException | RuntimeException failed) {
                terminal.close();
                err.println("oqs terminal: カードリーダーを起動できません: " + failed.getMessage());
                return 1;
            }
        }
        CardReaderTerminal startedReader = reader;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (startedReader != null) {
                    startedReader.close();
                }
            } finally {
                terminal.close();
                stopped.countDown();
            }
        }, "oqs-terminal-shutdown"));
        out.println("oqs terminal running for " + terminal.institutionCode() + ": req " + config.folders().req()
                + ", res " + config.folders().res());
        if (reader != null) {
            out.println("card reader page " + reader.launchUri()); // the console is the terminal user's own
            reader.station().deviceProblem().ifPresent(problem -> err.println("oqs terminal: カードリーダー: "
                    + problem.errorCode().code() + " " + problem.message()));
        }
        out.flush();
        err.flush();
        stopped.await();
        return 0;
    }

    static TerminalConfig configFrom(Path home) throws IOException {
        Properties p = load(home);
        Path exchange = path(home, p.getProperty("exchange.dir"), home.resolveSibling("OQS"));
        LinkageFolders folders = new LinkageFolders(exchange.resolve("req"), exchange.resolve("res"),
                path(home, p.getProperty("work.dir"), home.resolve("work")));
        long retention = Long.parseLong(p.getProperty("cleanup.retention.minutes",
                String.valueOf(CleanupSettings.DEFAULT_RETENTION_MINUTES)).strip());
        return new TerminalConfig(blankToNull(p.getProperty("institution.code")),
                URI.create(required(p, "service.uri")),
                path(home, required(p, "client.p12"), null), required(p, "client.p12.password").toCharArray(),
                path(home, required(p, "trust.p12"), null), required(p, "trust.p12.password").toCharArray(),
                folders, null, Duration.ofSeconds(5), Duration.ofSeconds(15), null, home, exchange.resolve("face"),
                CleanupSettings.ofRetentionMinutes(retention));
    }

    static Properties load(Path home) throws IOException {
        Path file = home.resolve(PROPERTIES);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " がありません（service.uri, client.p12 などを設定してください）。");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /** {@code reader.port}: empty when the terminal has no card reader. */
    static OptionalInt readerPort(Properties p) {
        String value = blankToNull(p.getProperty("reader.port"));
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException(PROPERTIES + " の reader.port は 0〜65535 の数字で指定してください（指定値: "
                + value + "）。");
    }

    private static String required(Properties p, String key) {
        String value = blankToNull(p.getProperty(key));
        if (value == null) {
            throw new IllegalArgumentException(PROPERTIES + " に " + key + " が設定されていません。");
        }
        return value;
    }

    private static Path path(Path home, String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : home.resolve(value.strip()).normalize();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
