package org.openoqs.terminal.health;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.openoqs.files.DurableWrites;

/**
 * Proof of life of a long-running terminal agent, for {@code oqs doctor} (which runs as a separate process): the agent
 * rewrites a small properties file ({@code updatedAt}, {@code pid}, plus its own details) at least once per period;
 * a file older than a few periods means the agent is not running — as a scheduled task that is not registered in
 * the seed (連携アプリケーション定期実行用タスク, 配信アプリケーションのタスク).
 */
public final class Heartbeat {
    private Heartbeat() {
    }

    /** A heartbeat as read back. */
    public record Beat(Instant updatedAt, long pid, Map<String, String> details) {
    }

    /** Writes atomically (temp + rename) so a reader never sees half a file. */
    public static void write(Path file, Instant now, Map<String, String> details) throws IOException {
        Properties p = new Properties();
        p.setProperty("updatedAt", now.toString());
        p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        details.forEach(p::setProperty);
        StringWriter text = new StringWriter();
        p.store(text, "openoqs agent heartbeat");
        Files.createDirectories(file.getParent());
        DurableWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.WORLD_READABLE);
    }

    /** Empty when there is no (readable) heartbeat file. */
    public static Optional<Beat> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            Map<String, String> details = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (!key.equals("updatedAt") && !key.equals("pid")) {
                    details.put(key, p.getProperty(key));
                }
            }
            return Optional.of(new Beat(Instant.parse(p.getProperty("updatedAt")),
                    Long.parseLong(p.getProperty("pid", "-1")), details));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
