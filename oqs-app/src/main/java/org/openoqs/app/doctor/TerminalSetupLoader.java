package org.openoqs.app.doctor;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.openoqs.terminal.doctor.TerminalSetup;

/**
 * Reads a terminal set-up from a directory: a demo home ({@code demo.properties}, terminal in {@code terminal/}) or a
 * terminal home ({@code terminal.properties}, the file {@code oqs terminal run} reads). The settings of the seed's
 * chapter 3 are optional keys of terminal.properties: {@code ntp.server}, {@code proxy.server}, {@code proxy.bypass},
 * {@code restart.time}, {@code computer.name}, {@code certificate.auto-renew.days}.
 */
public final class TerminalSetupLoader {
    public static final String DEMO_PROPERTIES = "demo.properties";
    public static final String TERMINAL_PROPERTIES = "terminal.properties";

    private TerminalSetupLoader() {
    }

    /** The set-up and the terminal.properties keys it came with (for settings beyond the doctor's). */
    public record Loaded(TerminalSetup setup, Properties settings) {
        public int autoRenewDays() {
            String value = settings.getProperty("certificate.auto-renew.days", "0").strip();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("certificate.auto-renew.days は日数（整数）で指定してください: " + value);
            }
        }
    }

    /** @throws IllegalArgumentException (Japanese) when DIR is neither kind of home or lacks a required key */
    public static Loaded load(Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(root.resolve(DEMO_PROPERTIES))) {
            return demo(root);
        }
        if (Files.isRegularFile(root.resolve(TERMINAL_PROPERTIES))) {
            return terminal(root);
        }
        throw new IllegalArgumentException(root + " は端末ホームではありません（" + TERMINAL_PROPERTIES + " も "
                + DEMO_PROPERTIES + " もありません）。oqs demo --home " + root + " で起動するか、端末ホームを指定してください。");
    }

    private static Loaded demo(Path root) throws IOException {
        Properties demo = read(root.resolve(DEMO_PROPERTIES));
        Path terminalHome = Path.of(required(demo, "terminal.home", DEMO_PROPERTIES));
        Properties settings = Files.isRegularFile(terminalHome.resolve(TERMINAL_PROPERTIES))
                ? read(terminalHome.resolve(TERMINAL_PROPERTIES)) : new Properties();
        char[] password = required(demo, "client.p12.password", DEMO_PROPERTIES).toCharArray();
        Path req = Path.of(required(demo, "req.dir", DEMO_PROPERTIES));
        TerminalSetup setup = new TerminalSetup(terminalHome,
                Optional.ofNullable(demo.getProperty("institution.code")),
                URI.create(required(demo, "api.url", DEMO_PROPERTIES)),
                Path.of(required(demo, "client.p12", DEMO_PROPERTIES)), password,
                terminalHome.resolve("trust.p12"), password, req.getParent(), req,
                Path.of(required(demo, "res.dir", DEMO_PROPERTIES)), Path.of(required(demo, "face.dir", DEMO_PROPERTIES)),
                terminalHome.resolve("work"), optional(settings, "ntp.server"), optional(settings, "proxy.server"),
                optional(settings, "proxy.bypass"), optional(settings, "restart.time"), computerName(settings),
                shareConfigurations(), Path.of("/etc/systemd/system"),
                Optional.of(root.resolve("ca").resolve("crl.pem")), Duration.ofSeconds(5), Clock.systemUTC());
        return new Loaded(setup, settings);
    }

    private static Loaded terminal(Path home) throws IOException {
        Properties p = read(home.resolve(TERMINAL_PROPERTIES));
        Path exchange = path(home, p.getProperty("exchange.dir"), home.resolveSibling("OQS"));
        TerminalSetup setup = new TerminalSetup(home, optional(p, "institution.code"),
                URI.create(required(p, "service.uri", TERMINAL_PROPERTIES)),
                path(home, required(p, "client.p12", TERMINAL_PROPERTIES), null),
                required(p, "client.p12.password", TERMINAL_PROPERTIES).toCharArray(),
                path(home, required(p, "trust.p12", TERMINAL_PROPERTIES), null),
                required(p, "trust.p12.password", TERMINAL_PROPERTIES).toCharArray(), exchange,
                exchange.resolve("req"), exchange.resolve("res"), exchange.resolve("face"),
                path(home, p.getProperty("work.dir"), home.resolve("work")), optional(p, "ntp.server"),
                optional(p, "proxy.server"), optional(p, "proxy.bypass"), optional(p, "restart.time"),
                computerName(p), shareConfigurations(), Path.of("/etc/systemd/system"),
                optional(p, "ca.crl").map(v -> path(home, v, null)), Duration.ofSeconds(5), Clock.systemUTC());
        return new Loaded(setup, p);
    }

    /** {@code computer.name}, else the host name (as Windows shows the computer name: upper case). */
    static String computerName(Properties p) {
        Optional<String> configured = optional(p, "computer.name");
        if (configured.isPresent()) {
            if (!configured.get().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
                throw new IllegalArgumentException("computer.name は半角英数字・ハイフン・ピリオド63文字以内で指定してください: "
                        + configured.get());
            }
            return configured.get();
        }
        String name = System.getenv("COMPUTERNAME");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "OQS-TERMINAL";
            }
        }
        String cleaned = name.split("\\.")[0].replaceAll("[^A-Za-z0-9_-]", "-").toUpperCase(Locale.ROOT);
        return cleaned.isEmpty() ? "OQS-TERMINAL" : cleaned;
    }

    private static List<Path> shareConfigurations() {
        return List.of(Path.of("/etc/samba/smb.conf"), Path.of("/etc/exports"));
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static String required(Properties p, String key, String file) {
        return optional(p, key).orElseThrow(() -> new IllegalArgumentException(file + " に " + key + " が設定されていません。"));
    }

    private static Optional<String> optional(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Path path(Path home, String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : home.resolve(value.strip()).normalize();
    }
}
