package org.openoqs.terminal.encryption;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.message.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files are exchanged encrypted: the linkage application's {@code encrypt.conf} (request/result files, by
 * prefix) and {@code encrypt_face.conf} (files the face-recognition software writes to {@code face}, by kind), both
 * in the terminal's config folder (on Windows {@code C:\ProgramData\OQS\OQSComApp\config\}).
 *
 * <h2>Syntax (both files)</h2>
 * UTF-8 (a BOM is ignored), one {@code KEY=e} (encrypt) or {@code KEY=n} (plain) per line, blanks around key, '=' and
 * value ignored, value case-insensitive, {@code #} starts a comment line, blank lines ignored, a repeated key: the
 * last line wins (logged). A value other than e/n stops the terminal with the file name and line number. A line
 * without '=' or a key that is not of the expected shape is logged and ignored (it may be meant for a newer version).
 * A missing file means: everything plain. Changes take effect at the next start (as with the real 連携AP).
 *
 * <h2>Request keys</h2>
 * {@code encrypt.conf} keys are request prefixes without {@code req_}: either the 8-character form the kitting scripts
 * use ({@code OQSsiquc} — covers both steps {@code OQSsiquc01}/{@code 02}) or a full 10-character prefix
 * ({@code OQSmuquc02}), which wins over the 8-character key. Prefixes not listed are plain.
 *
 * <h2>Always plain</h2>
 * The interface notes (INTERFACE.md §2.3) list types the kitting scripts force to {@code n}: {@code EPS*},
 * {@code OQSmutic}, {@code OQSmuhvq}, {@code OQSmuonq}, {@code OQSsihvq}, {@code OQSsionq}, {@code OQSsihvd},
 * {@code OQSsiurl}, {@code OQSsiinq}, {@code OQSsiupd}, {@code PMHsimsm}, and the face kinds {@code prescription} and
 * {@code publicmedicalhub}. They stay plain even when a file says {@code e}; a warning is logged.
 */
public final class EncryptionConfig {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfig.class);

    public static final String REQUEST_FILE = "encrypt.conf";
    public static final String FACE_FILE = "encrypt_face.conf";

    /** Request keys forced plain (8-character form); plus every key of the EPS (電子処方箋) family. */
    public static final Set<String> ALWAYS_PLAIN_KEYS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "OQSmutic", "OQSmuhvq", "OQSmuonq", "OQSsihvq", "OQSsionq", "OQSsihvd", "OQSsiurl", "OQSsiinq",
            "OQSsiupd", "PMHsimsm")));
    public static final String ALWAYS_PLAIN_FAMILY = "EPS";
    /** Face kinds (encrypt_face.conf keys) known from the interface notes. */
    public static final List<String> FACE_KINDS = List.of("face", "prescription", "publicmedicalhub");
    public static final Set<String> ALWAYS_PLAIN_FACE_KINDS = Set.of("prescription", "publicmedicalhub");

    private static final Pattern REQUEST_KEY = Pattern.compile("^[A-Z]{3}(si|mu)[a-z]{3}(\\d{2})?$");
    private static final Pattern FACE_KEY = Pattern.compile("^[a-z][a-z0-9_]*$");

    private final Map<String, Boolean> requestSwitches;
    private final Map<String, Boolean> faceSwitches;

    private EncryptionConfig(Map<String, Boolean> requestSwitches, Map<String, Boolean> faceSwitches) {
        this.requestSwitches = Map.copyOf(requestSwitches);
        this.faceSwitches = Map.copyOf(faceSwitches);
    }

    /** The config folder of a terminal home: {@code <home>/config} (on Windows ProgramData\OQS\OQSComApp\config). */
    public static Path configDirectory(Path terminalHome) {
        return terminalHome.resolve("config");
    }

    /** Everything plain (no files, or files with only {@code n}). */
    public static EncryptionConfig allPlain() {
        return new EncryptionConfig(Map.of(), Map.of());
    }

    /** Reads both files from the config folder; a missing file is "all plain". */
    public static EncryptionConfig load(Path configDirectory) {
        Path requestFile = configDirectory.resolve(REQUEST_FILE);
        Path faceFile = configDirectory.resolve(FACE_FILE);
        return new EncryptionConfig(parseRequestLines(requestFile.toString(), readIfPresent(requestFile)),
                parseFaceLines(faceFile.toString(), readIfPresent(faceFile)));
    }

    /** Parses the texts of the two files ({@code null} = file absent). */
    public static EncryptionConfig parse(String encryptConf, String encryptFaceConf) {
        return new EncryptionConfig(parseRequestLines(REQUEST_FILE, encryptConf),
                parseFaceLines(FACE_FILE, encryptFaceConf));
    }

    /**
     * True when result files of this prefix ({@code OQSsiquc01}) are encrypted and its requests must arrive
     * encrypted.
     */
    public boolean encrypts(String prefix) {
        if (prefix == null || prefix.length() < 8 || isAlwaysPlain(prefix)) {
            return false;
        }
        Boolean exact = requestSwitches.get(prefix);
        if (exact != null) {
            return exact;
        }
        return requestSwitches.getOrDefault(prefix.substring(0, 8), false);
    }

    /** True when face files of this kind ({@code face}, {@code prescription}, …) are written encrypted. */
    public boolean encryptsFace(String kind) {
        if (kind == null) {
            return false;
        }
        String key = kind.toLowerCase(Locale.ROOT);
        return !ALWAYS_PLAIN_FACE_KINDS.contains(key) && faceSwitches.getOrDefault(key, false);
    }

    /** True when any file is encrypted: OQS_CRYPT_PASS is then required. */
    public boolean anyEncrypted() {
        return requestSwitches.entrySet().stream().anyMatch(e -> e.getValue() && !isAlwaysPlain(e.getKey()))
                || faceSwitches.entrySet().stream().anyMatch(e -> e.getValue()
                        && !ALWAYS_PLAIN_FACE_KINDS.contains(e.getKey()));
    }

    /** The encrypted request keys as configured (for logs and status). */
    public List<String> encryptedRequestKeys() {
        return requestSwitches.entrySet().stream().filter(e -> e.getValue() && !isAlwaysPlain(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** A prefix or key the interface notes force plain. */
    public static boolean isAlwaysPlain(String prefixOrKey) {
        return prefixOrKey.startsWith(ALWAYS_PLAIN_FAMILY)
                || (prefixOrKey.length() >= 8 && ALWAYS_PLAIN_KEYS.contains(prefixOrKey.substring(0, 8)));
    }

    /** The 8-character keys of every known request type that can be switched to {@code e}. */
    public static List<String> switchableKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (RequestType type : RequestType.values()) {
            String key = type.prefix().substring(0, 8);
            if (!isAlwaysPlain(key)) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    /** An {@code encrypt.conf} listing every known key, all {@code n} — what an installation starts with. */
    public static String defaultRequestConf() {
        StringBuilder text = new StringBuilder();
        text.append("# openoqs linkage: encryption of request/result files, one KEY=e|n line per prefix.\n")
                .append("# e = requests arrive as <prefix>req_<id>.zip (AES-256, OQS_CRYPT_PASS) and results leave\n")
                .append("#     as <prefix>res_<id>.zip; n = plain .xml. Restart the terminal after a change.\n")
                .append("# Keys are the 8-character prefix (covers steps 01 and 02) or a full 10-character prefix.\n");
        for (String key : switchableKeys()) {
            text.append(key).append("=n\n");
        }
        text.append("# Always plain (a value of e is ignored with a warning):\n");
        Set<String> plain = new LinkedHashSet<>();
        for (RequestType type : RequestType.values()) {
            String key = type.prefix().substring(0, 8);
            if (isAlwaysPlain(key)) {
                plain.add(key);
            }
        }
        plain.addAll(ALWAYS_PLAIN_KEYS);
        for (String key : plain) {
            text.append(key).append("=n\n");
        }
        return text.toString();
    }

    /** An {@code encrypt_face.conf} with every known kind, all {@code n}. */
    public static String defaultFaceConf() {
        StringBuilder text = new StringBuilder();
        text.append("# openoqs: encryption of the files written to the face folder, one KIND=e|n line.\n")
                .append("# prescription and publicmedicalhub are always plain.\n");
        for (String kind : FACE_KINDS) {
            text.append(kind).append("=n\n");
        }
        return text.toString();
    }

    /** Writes the default files into the config folder where they do not exist yet; existing files are kept. */
    public static void writeDefaultsIfAbsent(Path configDirectory) throws IOException {
        Files.createDirectories(configDirectory);
        writeIfAbsent(configDirectory.resolve(REQUEST_FILE), defaultRequestConf());
        writeIfAbsent(configDirectory.resolve(FACE_FILE), defaultFaceConf());
    }

    private static void writeIfAbsent(Path file, String text) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        DurableWrites.publishNew(file, text.getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
    }

    @Override
    public String toString() {
        return "EncryptionConfig[requests=" + encryptedRequestKeys() + ", face=" + faceSwitches.entrySet().stream()
                .filter(e -> e.getValue() && !ALWAYS_PLAIN_FACE_KINDS.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toList() + "]";
    }

    // ---- parsing ---------------------------------------------------------------------------------------------

    private static String readIfPresent(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException absent) {
            return null;
        } catch (CharacterCodingException e) {
            throw new EncryptionConfigException(file + " は UTF-8（または ASCII）で保存してください。", e);
        } catch (IOException e) {
            throw new EncryptionConfigException(file + " を読み込めません: " + e.getMessage(), e);
        }
    }

    private static Map<String, Boolean> parseRequestLines(String source, String text) {
        Map<String, Boolean> switches = parseLines(source, text, false);
        switches.forEach((key, encrypt) -> {
            if (encrypt && isAlwaysPlain(key)) {
                log.warn("{}: {}=e is ignored: this type is always exchanged plain (INTERFACE.md §2.3)", source, key);
            }
        });
        return switches;
    }

    private static Map<String, Boolean> parseFaceLines(String source, String text) {
        Map<String, Boolean> switches = parseLines(source, text, true);
        switches.forEach((key, encrypt) -> {
            if (encrypt && ALWAYS_PLAIN_FACE_KINDS.contains(key)) {
                log.warn("{}: {}=e is ignored: this kind is always written plain (INTERFACE.md §2.3)", source, key);
            } else if (!FACE_KINDS.contains(key)) {
                log.warn("{}: unknown face kind {} (known: {})", source, key, FACE_KINDS);
            }
        });
        return switches;
    }

    private static Map<String, Boolean> parseLines(String source, String text, boolean face) {
        Map<String, Boolean> switches = new LinkedHashMap<>();
        if (text == null) {
            return switches;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                ignored.add((i + 1) + ": " + line);
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (face) {
                key = key.toLowerCase(Locale.ROOT);
            }
            if (!(face ? FACE_KEY : REQUEST_KEY).matcher(key).matches()) {
                ignored.add((i + 1) + ": " + line);
                continue;
            }
            boolean encrypt;
            if (value.equalsIgnoreCase("e")) {
                encrypt = true;
            } else if (value.equalsIgnoreCase("n")) {
                encrypt = false;
            } else {
                throw new EncryptionConfigException(source + " の " + (i + 1) + " 行目: " + key
                        + " の値は e（暗号化する）または n（暗号化しない）で指定してください（指定値: "
                        + (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "）。");
            }
            if (switches.put(key, encrypt) != null) {
                log.warn("{} line {}: {} is set again; the last line wins", source, i + 1, key);
            }
        }
        if (!ignored.isEmpty()) {
            log.warn("{}: ignored lines that are not KEY=e|n for a known key shape: {}", source, ignored);
        }
        return switches;
    }
}
