package org.openoqs.app.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import org.openoqs.files.DurableWrites;

/**
 * Passwords the demo generates once and keeps in {@code secrets.properties} (owner read/write only), so that a
 * restart on the same home opens the same key stores and the master account keeps its password.
 */
public final class DemoSecrets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final Path file;
    private final Properties values = new Properties();
    private final SecureRandom random = new SecureRandom();

    private DemoSecrets(Path file) {
        this.file = file;
    }

    public static DemoSecrets load(Path file) throws IOException {
        DemoSecrets secrets = new DemoSecrets(file);
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.values.load(reader);
            }
        }
        return secrets;
    }

    /** The stored value, generating and saving a new random one on first use. */
    public synchronized String getOrCreate(String key, int length) throws IOException {
        String existing = values.getProperty(key);
        if (existing != null) {
            return existing;
        }
        String created = randomText(length);
        values.setProperty(key, created);
        save();
        return created;
    }

    /** The stored value, if any (nothing is generated). */
    public synchronized java.util.Optional<String> get(String key) {
        return java.util.Optional.ofNullable(values.getProperty(key));
    }

    /** Stores a value explicitly (e.g. a password someone changed). */
    public synchronized void put(String key, String value) throws IOException {
        values.setProperty(key, value);
        save();
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private void save() throws IOException {
        StringWriter text = new StringWriter();
        values.store(text, "openoqs demo secrets - generated, keep private");
        // owner only from the first byte, never through a planted link (DurableWrites)
        DurableWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
    }
}
