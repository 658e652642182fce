package org.openoqs.terminal.credentials;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.number.InstitutionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's credential store: what the Windows Credential Manager (資格情報マネージャー) is for the real
 * linkage application. Holds the {@link CredentialKey} entries, encrypted at rest.
 *
 * <h2>Files (in the terminal home)</h2>
 * <ul>
 *   <li>{@code credentials.key} — 32 random bytes, created on the first write, permissions {@code rw-------}. It
 *       plays the part DPAPI plays on Windows: a machine-local key that never leaves the terminal. The service
 *       starts unattended, so there is no passphrase to derive a key from.</li>
 *   <li>{@code credentials.dat} — a header line {@value #HEADER} and one Base64 line: a 12-byte random nonce and the
 *       AES-256-GCM ciphertext (with tag) of the entries; the header is authenticated as associated data. A new nonce
 *       is drawn on every write. Permissions {@code rw-------}.</li>
 * </ul>
 * Every write goes to a temporary file that is forced to disk and renamed over the old one, so a crash leaves the
 * old or the new content, never a mixture. Writers of different processes are serialised by a lock on
 * {@code credentials.lock}.
 *
 * <p>This protects the secrets from casual disclosure (a backup, a copy of the data file, a {@code grep}) — not from
 * someone who can read the key file, i.e. root or the service user. Keep the terminal home out of every share.
 */
public final class CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);

    public static final String DATA_FILE = "credentials.dat";
    public static final String KEY_FILE = "credentials.key";
    static final String LOCK_FILE = "credentials.lock";
    static final String HEADER = "openoqs-credentials v1 AES-256-GCM";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    private CredentialStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The store in {@code directory} (the terminal home). Nothing is created until the first write. */
    public static CredentialStore open(Path directory) {
        return new CredentialStore(directory);
    }

    public Path directory() {
        return directory;
    }

    public Path dataFile() {
        return directory.resolve(DATA_FILE);
    }

    public Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    /**
     * Validates and stores an entry, replacing an earlier one of the same key.
     *
     * @return the stored entry (with the fixed user name in its canonical spelling)
     * @throws CredentialInvalidException the value breaks the key's rule; nothing is written
     */
    public Credential set(CredentialKey key, String user, String secret) {
        Credential credential = key.validate(user, secret);
        update(entries -> entries.put(key, credential));
        log.info("credential {} set (user {})", key, credential.user());
        return credential;
    }

    /** Removes an entry; false when it was not there. */
    public boolean remove(CredentialKey key) {
        boolean[] removed = {false};
        update(entries -> removed[0] = entries.remove(key) != null);
        if (removed[0]) {
            log.info("credential {} removed", key);
        }
        return removed[0];
    }

    public Optional<Credential> get(CredentialKey key) {
        return Optional.ofNullable(read().get(key));
    }

    /** Every key in declaration order with its state; secrets are not part of the answer. */
    public List<Entry> list() {
        Map<CredentialKey, Credential> entries = read();
        List<Entry> list = new ArrayList<>();
        for (CredentialKey key : CredentialKey.values()) {
            Credential credential = entries.get(key);
            list.add(new Entry(key, credential == null ? null : credential.user(), credential != null));
        }
        return list;
    }

    /** A line of {@link #list()}: the user name is null when the key is not set. */
    public record Entry(CredentialKey key, String user, boolean set) {
        /** 設定済み / 未設定（必須） / 未設定. */
        public String state() {
            return set ? "設定済み" : key.required() ? "未設定（必須）" : "未設定";
        }
    }

    /**
     * What the linkage agent calls before it starts: every required key (and {@code alsoRequired}) must be present
     * and valid, otherwise the terminal refuses to start with the exception's message.
     *
     * @param alsoRequired optional keys this configuration needs, e.g. OQS_CRYPT_PASS when a prefix is encrypted
     * @throws CredentialMissingException a needed entry is not set
     * @throws CredentialInvalidException a stored entry breaks its rule
     * @throws CredentialStoreException the store cannot be read (missing key file, foreign or damaged data)
     */
    public TerminalCredentials requireValid(Collection<CredentialKey> alsoRequired) {
        Map<CredentialKey, Credential> entries = read();
        Set<CredentialKey> needed = EnumSet.noneOf(CredentialKey.class);
        for (CredentialKey key : CredentialKey.values()) {
            if (key.required()) {
                needed.add(key);
            }
        }
        needed.addAll(alsoRequired);
        for (CredentialKey key : needed) {
            if (!entries.containsKey(key)) {
                throw missing(key, !key.required());
            }
        }
        for (Credential credential : entries.values()) {
            credential.key().validate(credential.user(), credential.secret()); // rules may be stricter than when set
        }
        return new TerminalCredentials(entries.get(CredentialKey.OQS_LOGIN_KEY),
                new InstitutionCode(entries.get(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE).secret()),
                Optional.ofNullable(entries.get(CredentialKey.OQS_CRYPT_PASS)),
                Optional.ofNullable(entries.get(CredentialKey.OQS_NAS_LOGIN_KEY)));
    }

    public TerminalCredentials requireValid() {
        return requireValid(Set.of());
    }

    private CredentialMissingException missing(CredentialKey key, boolean becauseOfConfiguration) {
        String how = key.fixedUser().isPresent()
                ? "oqs terminal credentials set " + key + " --home " + directory + " --value <値>"
                : "oqs terminal credentials set " + key + " --home " + directory + " --user <" + key.userHint()
                        + "> --secret-stdin";
        boolean reader = key == CredentialKey.OQS_FACE_LOGIN_KEY;
        String why = !becauseOfConfiguration ? ""
                : reader ? "（terminal.properties で reader.port（カードリーダー）が設定されているため必須です）"
                : "（encrypt.conf / encrypt_face.conf で暗号化（e）が設定されているため必須です）";
        return new CredentialMissingException(key, "資格情報 " + key + "（" + key.label() + "）が設定されていません" + why
                + (reader ? "。カードリーダーを起動できません。" : "。連携アプリケーションを起動できません。")
                + "「" + how + "」で設定してください。");
    }

    // ---- reading and writing ---------------------------------------------------------------------------------

    private synchronized Map<CredentialKey, Credential> read() {
        Path data = dataFile();
        if (!Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
            return new EnumMap<>(CredentialKey.class);
        }
        byte[] key = readKey(false);
        List<String> lines;
        try {
            lines = Files.readAllLines(data, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CredentialStoreException("資格情報ファイル " + data + " を読み込めません: " + e.getMessage(), e);
        }
        if (lines.size() < 2 || !HEADER.equals(lines.get(0))) {
            throw new CredentialStoreException("資格情報ファイル " + data + " の形式が正しくありません。");
        }
        byte[] plain;
        try {
            byte[] sealed = Base64.getDecoder().decode(lines.get(1).strip());
            if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new CredentialStoreException("資格情報ファイル " + data + " の形式が正しくありません。");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(HEADER.getBytes(StandardCharsets.US_ASCII));
            plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new CredentialStoreException("資格情報ファイル " + data + " を復号できません（鍵ファイル " + keyFile()
                    + " が別の端末のものか、ファイルが壊れています）。資格情報を設定し直してください。", e);
        }
        return decode(plain);
    }

    private interface Change {
        void apply(Map<CredentialKey, Credential> entries);
    }

    private synchronized void update(Change change) {
        try {
            Files.createDirectories(directory);
            try (FileChannel lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                Map<CredentialKey, Credential> entries = read();
                change.apply(entries);
                write(entries);
            }
        } catch (IOException e) {
            throw new CredentialStoreException("資格情報ファイル " + dataFile() + " を書き込めません: " + e.getMessage(), e);
        }
    }

    private void write(Map<CredentialKey, Credential> entries) throws IOException {
        byte[] key = readKey(true);
        byte[] plain = encode(entries);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(HEADER.getBytes(StandardCharsets.US_ASCII));
            byte[] cipherText = cipher.doFinal(plain);
            sealed = ByteBuffer.allocate(nonce.length + cipherText.length).put(nonce).put(cipherText).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
        String text = HEADER + "\n" + Base64.getEncoder().encodeToString(sealed) + "\n";
        writeAtomically(dataFile(), text.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] readKey(boolean createIfAbsent) {
        Path file = keyFile();
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                warnIfReadableByOthers(file);
                byte[] key = Files.readAllBytes(file);
                if (key.length != KEY_BYTES) {
                    throw new CredentialStoreException("鍵ファイル " + file + " の形式が正しくありません。");
                }
                return key;
            }
            if (!createIfAbsent || Files.exists(dataFile(), LinkOption.NOFOLLOW_LINKS)) {
                throw new CredentialStoreException("鍵ファイル " + file + " がありません。資格情報ファイル " + dataFile()
                        + " を復号できません。資格情報を設定し直してください（古い " + DATA_FILE + " は削除してください）。");
            }
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            writeAtomically(file, key);
            return key;
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new CredentialStoreException("鍵ファイル " + file + " を読み込めません: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CredentialStoreException("鍵ファイル " + file + " を読み書きできません: " + e.getMessage(), e);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("{} is readable by others ({}); it should be rw-------", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the ACL of the terminal home protects the file
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        DurableWrites.replace(target, content, OWNER_ONLY);
    }

    // KEY \t base64(user) \t base64(secret), one line per entry
    private static byte[] encode(Map<CredentialKey, Credential> entries) {
        StringBuilder text = new StringBuilder();
        Base64.Encoder b64 = Base64.getEncoder();
        for (Credential c : entries.values()) {
            text.append(c.key().name()).append('\t')
                    .append(b64.encodeToString(c.user().getBytes(StandardCharsets.UTF_8))).append('\t')
                    .append(b64.encodeToString(c.secret().getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Map<CredentialKey, Credential> decode(byte[] plain) {
        Map<CredentialKey, Credential> entries = new EnumMap<>(CredentialKey.class);
        Base64.Decoder b64 = Base64.getDecoder();
        for (String line : new String(plain, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            Optional<CredentialKey> key = fields.length == 3 ? CredentialKey.parse(fields[0]) : Optional.empty();
            if (key.isEmpty()) {
                log.warn("ignoring an unknown entry in {}", dataFile());
                continue;
            }
            entries.put(key.get(), new Credential(key.get(),
                    new String(b64.decode(fields[1]), StandardCharsets.UTF_8),
                    new String(b64.decode(fields[2]), StandardCharsets.UTF_8)));
        }
        java.util.Arrays.fill(plain, (byte) 0);
        return entries;
    }
}
