package org.openoqs.server.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openoqs.files.DurableWrites;

/**
 * The secret that makes the audit chain unforgeable: entries from {@link #epochStart()} on are HMAC-SHA256 under
 * this key, so someone who can write the database but cannot read the server's files cannot re-hash a rewritten
 * tail. The key lives in a file outside the database ({@code <home>/audit/chain.key}, or the configured path),
 * readable by the server's user only, created at the first start.
 *
 * <p>The file also records the id of the first keyed entry. It is the verifier's anchor: entries before it are
 * of the older unkeyed chain (plain SHA-256), entries from it on must carry an HMAC — the database cannot move
 * that boundary. Format (a properties file): {@code key=<64 hex>}, {@code epoch-start=<id>}.
 */
public final class AuditChainKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final Path file;
    private final byte[] key;
    private final long epochStart;

    private AuditChainKey(Path file, byte[] key, long epochStart) {
        this.file = file;
        this.key = key.clone();
        this.epochStart = epochStart;
    }

    /** Reads the key file; empty when there is none yet. */
    public static Optional<AuditChainKey> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit chain key " + file, e);
        }
        String hex = p.getProperty("key", "").strip();
        String start = p.getProperty("epoch-start", "").strip();
        if (!hex.matches("[0-9a-f]{64}") || !start.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalStateException("the audit chain key file " + file + " is damaged (key= or epoch-start=)");
        }
        return Optional.of(new AuditChainKey(file, HexFormat.of().parseHex(hex), Long.parseLong(start)));
    }

    /** A fresh random key, not yet written (its epoch starts at the id {@link #store} is given). */
    static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * Writes the key file, readable and writable by the owner only (where the file system has POSIX permissions),
     * without ever replacing an existing one.
     *
     * @throws IllegalStateException when a key file already exists there
     */
    static AuditChainKey store(Path file, byte[] secret, long epochStart) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String content = "# openoqs audit chain key: HMAC-SHA256 of every audit entry from epoch-start on.\n"
                    + "# Keep it secret and back it up with the server; without it the chain cannot be verified.\n"
                    + "key=" + HexFormat.of().formatHex(secret) + "\n"
                    + "epoch-start=" + epochStart + "\n";
            DurableWrites.replace(file, content.getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
            return new AuditChainKey(file, secret, epochStart);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("an audit chain key already exists at " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit chain key " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Id of the first entry the key protects (the {@code AUDIT_CHAIN_KEYED} entry). */
    public long epochStart() {
        return epochStart;
    }

    /** A short, public name of the key (first 16 hex of its SHA-256) for the epoch entry and the logs. */
    public String fingerprint() {
        return fingerprint(key);
    }

    static String fingerprint(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 256-bit key for another purpose, derived from this one ({@code HMAC-SHA256(key, "openoqs-derived:" + purpose)}):
     * secrets the service must read back (the TOTP secrets of docs/emergency-view.md) are encrypted under it, so they
     * are protected by the same file outside the database, shared by every instance, without a second key file.
     */
    public byte[] derive(String purpose) {
        return HexFormat.of().parseHex(mac(key, "openoqs-derived:" + purpose));
    }

    /** Hex HMAC-SHA256 of the text. */
    String mac(String text) {
        return mac(key, text);
    }

    static String mac(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
