package org.openoqs.app.terminal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openoqs.files.DurableWrites;
import org.openoqs.app.doctor.TerminalHomePermissions;
import org.openoqs.core.number.InstitutionCode;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.pki.FacilityCertificates;
import org.openoqs.pki.KeyStoreLoadException;
import org.openoqs.pki.TrustStores;
import org.openoqs.pki.WrongPasswordException;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs terminal init}: lays out a terminal home the way the installer does, so that {@code oqs terminal run}
 * and {@code oqs doctor} accept it. Everything is checked (service URI, both PKCS#12 files and their passwords, the
 * facility certificate's institution code) before the first file is written; a failure while writing removes what
 * this run created. An existing terminal.properties is never overwritten.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates a terminal home: DIR (rwx------), DIR/work, the exchange folders req, res, face,",
                "copies of both PKCS#12 files (rw-------), terminal.properties (rw-------) and the credential store",
                "with OQS_MEDICAL_INSTITUTION_CODE taken from the facility certificate. Refuses an existing",
                "terminal.properties. The two PKCS#12 passwords are typed at the prompt, or with",
                "--passwords-stdin read from standard input: line 1 client.p12, line 2 trust.p12."})
public final class InitCommand implements Callable<Integer> {

    /** Refused input or a home that already exists; nothing was written. */
    static final int FAILED = 1;
    static final String CLIENT_P12 = "client.p12";
    static final String TRUST_P12 = "trust.p12";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", required = true, description = "The terminal home to create.")
    Path home;

    @Option(names = "--service-uri", paramLabel = "URI", required = true,
            description = "The central service's terminal API, https://…")
    String serviceUri;

    @Option(names = "--client-p12", paramLabel = "FILE", required = true,
            description = "The facility certificate (PKCS#12, CN = 医療機関コード); copied to DIR/client.p12.")
    Path clientP12;

    @Option(names = "--trust-p12", paramLabel = "FILE", required = true,
            description = "The trust store for the service's certificate (PKCS#12); copied to DIR/trust.p12.")
    Path trustP12;

    @Option(names = "--exchange-dir", paramLabel = "DIR",
            description = "Folder holding req, res, face (default: DIR/../OQS, as oqs terminal run assumes).")
    Path exchangeDir;

    @Option(names = "--institution", paramLabel = "CODE",
            description = "Expected 医療機関コード; init refuses a certificate for another facility.")
    String institution;

    @Option(names = "--passwords-stdin",
            description = "Read the PKCS#12 passwords from standard input: client.p12 on line 1, trust.p12 on line 2.")
    boolean passwordsStdin;

    /** Paths this run created, newest first, removed again when a later step fails. */
    private final Deque<Path> created = new ArrayDeque<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = home.toAbsolutePath().normalize();
        Path exchange = exchangeDir == null ? dir.resolveSibling("OQS") : exchangeDir.toAbsolutePath().normalize();
        Checked checked;
        try {
            checked = check(dir, exchange);
        } catch (IllegalArgumentException refused) {
            err.println("oqs terminal init: " + refused.getMessage());
            return FAILED;
        }
        try {
            write(dir, exchange, checked);
        } catch (IOException | RuntimeException failed) {
            undo();
            err.println("oqs terminal init: 端末ホームを作成できませんでした（作成途中のファイルは削除しました）: "
                    + failed.getMessage());
            return FAILED;
        }
        summary(out, dir, exchange, checked.institutionCode());
        return 0;
    }

    /** What the checks found: the passwords that opened the stores and the certificate's institution code. */
    private record Checked(URI service, char[] clientPassword, char[] trustPassword, String institutionCode) {
    }

    private Checked check(Path dir, Path exchange) throws IOException {
        if (Files.exists(dir.resolve(RunCommand.PROPERTIES))) {
            throw new IllegalArgumentException(dir.resolve(RunCommand.PROPERTIES) + " が既にあります。既存の端末ホームは"
                    + "上書きしません（設定を変えるときはこのファイルを直接編集してください）。");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " はフォルダーではありません。");
        }
        if (exchange.startsWith(dir) || dir.startsWith(exchange)) {
            throw new IllegalArgumentException("受け渡しフォルダー " + exchange + " と端末ホーム " + dir
                    + " は別のフォルダーにしてください（共有するのは req, res, face だけです）。");
        }
        URI service = serviceUri(serviceUri);
        requireReadable(clientP12, "--client-p12");
        requireReadable(trustP12, "--trust-p12");
        refuseOtherFile(clientP12, dir.resolve(CLIENT_P12));
        refuseOtherFile(trustP12, dir.resolve(TRUST_P12));
        char[][] passwords = readPasswords();
        String code = facilityCode(clientP12, passwords[0]);
        if (institution != null && !institution.strip().equals(code)) {
            throw new IllegalArgumentException("証明書の医療機関コード " + code + " が --institution " + institution.strip()
                    + " と一致しません。この施設の証明書を指定してください。");
        }
        requireTrustStore(trustP12, passwords[1]);
        return new Checked(service, passwords[0], passwords[1], code);
    }

    static URI serviceUri(String text) {
        try {
            URI uri = new URI(text.strip());
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new IllegalArgumentException("--service-uri は https://ホスト名[:ポート]/ の形で指定してください（指定値: "
                + text + "）。");
    }

    private static void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " のファイル " + file + " が見つからないか読み取れません。");
        }
    }

    /** A p12 already in the home is only accepted when it is the very file given (the installer put it there). */
    private static void refuseOtherFile(Path source, Path target) throws IOException {
        if (Files.exists(target) && !Files.isSameFile(source, target)) {
            throw new IllegalArgumentException(target + " が既にあります。上書きしないので、削除するか、そのファイルを"
                    + "指定してください。");
        }
    }

    private char[][] readPasswords() throws IOException {
        if (passwordsStdin) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String client = in.readLine();
            String trust = in.readLine();
            if (client == null || client.isEmpty() || trust == null || trust.isEmpty()) {
                throw new IllegalArgumentException("標準入力から2行（1行目 client.p12 のパスワード、2行目 trust.p12 の"
                        + "パスワード）を読み取れません。");
            }
            return new char[][] {client.toCharArray(), trust.toCharArray()};
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("端末から入力できません。--passwords-stdin で標準入力からパスワードを"
                    + "渡してください（1行目 client.p12、2行目 trust.p12）。");
        }
        char[] client = console.readPassword("client.p12（施設の証明書）のパスワード: ");
        char[] trust = console.readPassword("trust.p12（信頼する認証局）のパスワード: ");
        if (client == null || client.length == 0 || trust == null || trust.length == 0) {
            throw new IllegalArgumentException("パスワードが入力されませんでした。");
        }
        return new char[][] {client, trust};
    }

    /** Opens the client store and returns its facility certificate's institution code (CN, check digit valid). */
    static String facilityCode(Path file, char[] password) {
        KeyStore store = open(file, password, "client.p12（施設の証明書）");
        X509Certificate certificate = keyEntryCertificate(store).orElseThrow(() -> new IllegalArgumentException(file
                + " に秘密鍵付きの証明書がありません。発行時に受け取った施設の証明書（PKCS#12）を指定してください。"));
        String cn = FacilityCertificates.institutionCodeOf(certificate).orElseThrow(() -> new IllegalArgumentException(
                file + " は医療機関・薬局の証明書ではありません（主体 " + certificate.getSubjectX500Principal().getName()
                        + "、CN が10桁の医療機関コードではありません）。"));
        try {
            return new InstitutionCode(cn).digits();
        } catch (InvalidNumberException invalid) {
            throw new IllegalArgumentException(file + " の証明書の CN " + cn + " は医療機関コードとして正しくありません: "
                    + invalid.getMessage());
        }
    }

    private static void requireTrustStore(Path file, char[] password) {
        KeyStore store = open(file, password, "trust.p12（信頼する認証局）");
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias)) {
                    return;
                }
            }
        } catch (KeyStoreException unreadable) {
            // reported below
        }
        throw new IllegalArgumentException(file + " に信頼する証明書（認証局の証明書）がありません。");
    }

    private static KeyStore open(Path file, char[] password, String what) {
        try {
            return TrustStores.loadPkcs12(file, password);
        } catch (WrongPasswordException wrong) {
            throw new IllegalArgumentException(what + "のパスワードが違います（" + file + " を開けません）。");
        } catch (KeyStoreLoadException unreadable) {
            throw new IllegalArgumentException(file + " を " + what + " として読み取れません（PKCS#12 ファイルではないか、"
                    + "壊れています）。");
        }
    }

    private static Optional<X509Certificate> keyEntryCertificate(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                    return Optional.of(cert);
                }
            }
        } catch (KeyStoreException unreadable) {
            // treated as no key entry
        }
        return Optional.empty();
    }

    private void write(Path dir, Path exchange, Checked checked) throws IOException {
        createDirectories(dir, "rwx------");
        createDirectories(dir.resolve("work"), "rwx------");
        // shared with the HIS (and the Samba user) through a group; the group itself is the administrator's choice
        for (String sub : new String[] {"req", "res", "face"}) {
            createDirectories(exchange.resolve(sub), "rwxrwx---");
        }
        copySecret(clientP12, dir.resolve(CLIENT_P12));
        copySecret(trustP12, dir.resolve(TRUST_P12));
        CredentialStore store = CredentialStore.open(dir);
        boolean storeExisted = Files.exists(store.dataFile());
        if (!Files.exists(store.keyFile())) {
            created.push(store.keyFile());
        }
        if (!storeExisted) {
            created.push(store.dataFile());
        }
        store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, null, checked.institutionCode());
        writeProperties(dir, exchange, checked);
        TerminalHomePermissions.ownerOnly(dir);
    }

    /** Creates the missing directories (remembered for undo); existing ones keep their owner and permissions. */
    private void createDirectories(Path dir, String permissions) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.push(p);
            setPermissions(p, p.equals(dir) ? permissions : "rwxr-xr-x");
        }
    }

    private void copySecret(Path source, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.copy(source, target);
            created.push(target);
        }
        setPermissions(target, "rw-------");
    }

    private void writeProperties(Path dir, Path exchange, Checked checked) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# oqs terminal init: read by oqs terminal run --home ").append(dir).append('\n')
                .append("# holds the certificate passwords: keep it rw------- and owned by the service user\n")
                .append("service.uri=").append(escape(checked.service().toString())).append('\n')
                .append("client.p12=").append(CLIENT_P12).append('\n')
                .append("client.p12.password=").append(escape(new String(checked.clientPassword()))).append('\n')
                .append("trust.p12=").append(TRUST_P12).append('\n')
                .append("trust.p12.password=").append(escape(new String(checked.trustPassword()))).append('\n')
                .append("# exchange folder with req, res, face (default ../OQS next to this home)\n")
                .append(exchangeDir == null ? "#exchange.dir=../OQS" : "exchange.dir=" + escape(exchange.toString()))
                .append('\n')
                .append("#work.dir=work\n")
                .append("#cleanup.retention.minutes=1440\n")
                .append("institution.code=").append(checked.institutionCode()).append('\n')
                .append("# card reader page on 127.0.0.1:PORT (0 = any free port); needs OQS_FACE_LOGIN_KEY\n")
                .append("#reader.port=8470\n");
        Path target = dir.resolve(RunCommand.PROPERTIES);
        try {
            // never replaces: a terminal.properties written meanwhile stays (DurableWrites links, never renames over)
            DurableWrites.publishNew(target, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
            created.push(target);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(target + " が作成中に現れました。", raced);
        }
    }

    /** java.util.Properties escaping for a value: backslash, line breaks, a leading blank. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\f' -> escaped.append("\\f");
                case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: ACLs are the installer's job
        }
    }

    private void undo() {
        while (!created.isEmpty()) {
            Path path = created.pop();
            try {
                Files.deleteIfExists(path);
            } catch (IOException leftBehind) {
                spec.commandLine().getErr().println("oqs terminal init: " + path + " を削除できませんでした。");
            }
        }
    }

    private void summary(PrintWriter out, Path dir, Path exchange, String code) {
        out.println("端末ホームを作成しました: " + dir);
        out.println("  医療機関コード  " + code + "（証明書の CN、資格情報 OQS_MEDICAL_INSTITUTION_CODE に設定済み）");
        out.println("  接続先          " + serviceUri.strip());
        out.println("  設定            " + dir.resolve(RunCommand.PROPERTIES) + "（rw-------）");
        out.println("  証明書          " + dir.resolve(CLIENT_P12) + ", " + dir.resolve(TRUST_P12) + "（rw-------）");
        out.println("  受け渡し        " + exchange.resolve("req") + ", " + exchange.resolve("res") + ", "
                + exchange.resolve("face"));
        out.println("  作業フォルダー  " + dir.resolve("work") + "（rwx------、共有しないでください）");
        out.println();
        out.println("次に、管理者が資格情報を入力してください（パスワードは標準入力で渡します）:");
        String cmd = "  oqs terminal credentials set ";
        String at = " --home " + dir;
        out.println(cmd + "OQS_LOGIN_KEY" + at + " --user <R0…|R1… の連携用アカウントID> --secret-stdin");
        out.println(cmd + "OQS_NAS_LOGIN_KEY" + at + " --user ONSRenkei --secret-stdin   # 共有フォルダーの利用者");
        out.println(cmd + "OQS_CRYPT_PASS" + at + " --secret-stdin   # ファイルを暗号化する場合（config/encrypt.conf）");
        out.println(cmd + "OQS_FACE_LOGIN_KEY" + at + " --user <F… の顔認証用アカウントID> --secret-stdin   # reader.port を使う場合");
        out.println("  oqs terminal credentials list" + at);
        out.println();
        out.println("サービスとして動かすには（docs/linkage.md「Linux: systemd」）:");
        out.println("  chown -R oqscomapp:oqscomapp " + dir);
        out.println("  chgrp oqs " + exchange.resolve("req") + " " + exchange.resolve("res") + " "
                + exchange.resolve("face") + "; chmod 2770 " + exchange.resolve("req") + " "
                + exchange.resolve("res") + " " + exchange.resolve("face"));
        out.println("  install -m 0644 deploy/systemd/oqs-terminal.service deploy/systemd/oqs-terminal-restart.* "
                + "/etc/systemd/system/");
        out.println("  systemctl daemon-reload && systemctl enable --now oqs-terminal.service oqs-terminal-restart.timer");
        out.println("  oqs doctor --home " + dir);
    }
}
