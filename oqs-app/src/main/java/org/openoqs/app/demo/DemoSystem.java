package org.openoqs.app.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openoqs.files.DurableWrites;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.IssuedCredential;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountActor;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.notice.NoticeService;
import org.openoqs.server.pdf.JapaneseFont;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.reader.CardReaderTerminal;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import org.openoqs.terminal.encryption.EncryptionConfig;
import org.openoqs.terminal.linkage.LinkageFolders;

/**
 * The whole system in one process: CA, central service, one demo facility with its certificate, and that
 * facility's terminal with its linkage agent. Restartable on the same home: existing CA, certificates,
 * passwords and database are reused.
 */
public final class DemoSystem implements AutoCloseable {

    /** The demo facility (check digit valid; synthetic). */
    public static final String INSTITUTION_CODE = "0113810014";
    public static final String FACILITY_NAME = "オープン診療所（デモ）";
    public static final String MASTER_USER_PREFIX = "M";
    /** The demo issuing office: a synthetic 地方公共団体コード (prefecture 99 does not exist; check digit valid). */
    public static final String OFFICE_CODE = "990019";
    public static final String OFFICE_NAME = "オープン市（デモ）個人番号カード交付窓口";
    /** The demo's central service operator (CN {@code OPERATOR-demo}). */
    public static final String OPERATOR_NAME = "demo";
    /** The demo terminal's linkage account (連携アプリケーション用アカウント, OQS_LOGIN_KEY user). */
    public static final String LINKAGE_ACCOUNT = "R0" + INSTITUTION_CODE;
    /** 利用者名 of the reader's 顔認証用アカウント in the portal's account list. */
    public static final String READER_NAME = "受付の顔認証付きカードリーダー（デモ）";
    /** Who the audit trail names as creator of the reader's account: the demo's set-up, not a person. */
    public static final String SETUP_ACTOR = "demo-setup";
    static final String READER_ACCOUNT_SECRET = "reader.account";
    static final String READER_PASSWORD_SECRET = "reader.password";

    private final DemoHome home;
    private final CentralServer server;
    private final FacilityTerminal terminal;
    private final Map<String, String> properties;
    private final HomeLock lock;
    private CardReaderTerminal reader; // set once, right after construction
    private org.openoqs.app.distribution.DemoDistribution distribution; // set once, right after construction

    private DemoSystem(DemoHome home, CentralServer server, FacilityTerminal terminal, Map<String, String> properties,
            HomeLock lock) {
        this.lock = lock;
        this.home = home;
        this.server = server;
        this.terminal = terminal;
        this.properties = properties;
    }

    /** The address the demo listens on unless told otherwise: loopback, so no other machine can reach it. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    /** Starts everything on loopback; returns when the agent watches {@code req} and the service answers. */
    public static DemoSystem start(Path root, int port) throws IOException {
        return start(root, port, DEFAULT_BIND_ADDRESS);
    }

    /**
     * Starts everything; returns when the agent watches {@code req} and the service answers.
     *
     * @param bindAddress the address the HTTPS port listens on ({@code 0.0.0.0} for every interface)
     */
    public static DemoSystem start(Path root, int port, String bindAddress) throws IOException {
        DemoHome home = new DemoHome(root).create();
        HomeLock lock = HomeLock.acquire(home.root());
        try {
            return start(home, port, bindAddress, lock);
        } catch (IOException | RuntimeException failed) {
            lock.close();
            throw failed;
        }
    }

    private static DemoSystem start(DemoHome home, int port, String bindAddress, HomeLock lock) throws IOException {
        DemoHomePermissions.repair(home); // also an existing home made by an older version
        DemoSecrets secrets = DemoSecrets.load(home.secrets());
        char[] caPassword = secrets.getOrCreate("ca.password", 24).toCharArray();
        char[] serverPassword = secrets.getOrCreate("server.keystore.password", 24).toCharArray();
        char[] clientPassword = secrets.getOrCreate("client.p12.password", 16).toCharArray();
        CertificateAuthority ca = CertificateAuthority.initOrLoad(home.caDirectory(), "openoqs Demo CA", caPassword);
        ensureServerStores(home, ca, serverPassword);
        ensureFacilityCertificate(home, ca, clientPassword);
        char[] officePassword = secrets.getOrCreate("office.p12.password", 16).toCharArray();
        ensurePartyCertificate(home.officeDirectory(), home.officePkcs12(), "office", officePassword,
                () -> ca.issueOfficeCertificate(OFFICE_CODE, OFFICE_NAME));
        char[] operatorPassword = secrets.getOrCreate("operator.p12.password", 16).toCharArray();
        ensurePartyCertificate(home.operatorDirectory(), home.operatorPkcs12(), "operator", operatorPassword,
                () -> ca.issueOperatorCertificate(OPERATOR_NAME));
        ensureTerminalCredentials(home, secrets);
        // distribution service: code-signing certificate and the first package (docs/distribution.md)
        org.openoqs.app.distribution.DemoDistribution.prepare(home.root(), ca,
                secrets.getOrCreate("distribution.signer.password", 24).toCharArray());
        org.openoqs.app.doctor.TerminalHomePermissions.ownerOnly(home.terminalDirectory());

        CentralServer server = CentralServer.start(ServerConfig.builder(home.root().resolve("server"))
                .port(port)
                .bindAddress(bindAddress)
                .serverKeyStore(home.serverKeyStore(), serverPassword)
                .trustStore(home.serverTrustStore(), serverPassword)
                .ca(home.caDirectory(), caPassword)
                .seedDemoData(true)
                .build());
        FacilityTerminal terminal;
        CardReaderTerminal reader;
        try {
            ensureFacility(server);
            ensurePortal(server, secrets);
            ensureReaderAccount(server, home, secrets);
            DemoCards.ensure(server, CardReaderTerminal.cardsDirectory(home.terminalDirectory().resolve("reader")));
            TerminalConfig terminalConfig = new TerminalConfig(INSTITUTION_CODE, server.baseUri(),
                    home.clientPkcs12(), clientPassword, home.terminalTrustStore(), clientPassword,
                    new LinkageFolders(home.reqDirectory(), home.resDirectory(), home.terminalWorkDirectory()),
                    null, Duration.ofSeconds(5), Duration.ofSeconds(15), null, home.terminalDirectory(),
                    home.faceDirectory(), null);
            terminal = FacilityTerminal.start(terminalConfig);
            try { // the card reader (simulator) with its local page: docs/card-path.md
                reader = CardReaderTerminal.start(terminalConfig, terminal.institutionCode(),
                        home.terminalDirectory().resolve("reader"), home.faceDirectory(), terminal.faceResultEncryption(), 0);
            } catch (IOException | RuntimeException failed) {
                terminal.close();
                throw failed;
            }
        } catch (IOException | RuntimeException failed) {
            server.close();
            throw failed;
        }
        Map<String, String> properties = describe(home, server.baseUri(), secrets, clientPassword);
        properties.put("metrics.url", server.metricsUri().toString());
        properties.put("pdf.font", server.bean(JapaneseFont.class).setting()); // oqs doctor checks it (service.pdf-font)
        properties.put("office.code", OFFICE_CODE);
        properties.put("office.p12", home.officePkcs12().toString());
        properties.put("office.p12.password", new String(officePassword));
        properties.put("operator.p12", home.operatorPkcs12().toString());
        properties.put("operator.p12.password", new String(operatorPassword));
        properties.put("reader.url", reader.pageUri().toString());
        properties.put("reader.launch.url", reader.launchUri().toString()); // demo.properties is owner only
        properties.put("reader.token.file", reader.tokenFile().toString());
        CredentialStore.open(home.terminalDirectory()).get(CredentialKey.OQS_FACE_LOGIN_KEY)
                .ifPresent(account -> properties.put("reader.account", account.user()));
        writeProperties(home.demoProperties(), properties);
        DemoHomePermissions.repair(home); // the database files H2 has just created
        DemoSystem system = new DemoSystem(home, server, terminal, properties, lock);
        system.reader = reader;
        // the distribution agent (配信アプリケーション): registers, installs, reports, warns about the certificate
        system.distribution = org.openoqs.app.distribution.DemoDistribution.startAgent(home.root(), Duration.ofMinutes(60));
        return system;
    }

    /**
     * The terminal's credential store as an installer fills it (docs/linkage.md): institution code, an R0 linkage
     * account and a generated OQS_CRYPT_PASS, written on first start; plus encrypt.conf / encrypt_face.conf with
     * everything plain, so a レセコン starts with plain files and can switch a prefix to e.
     */
    private static void ensureTerminalCredentials(DemoHome home, DemoSecrets secrets) throws IOException {
        CredentialStore store = CredentialStore.open(home.terminalDirectory());
        if (store.get(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE).isEmpty()) {
            store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, CredentialKey.ADMIN_USER, INSTITUTION_CODE);
        }
        if (store.get(CredentialKey.OQS_LOGIN_KEY).isEmpty()) {
            store.set(CredentialKey.OQS_LOGIN_KEY, LINKAGE_ACCOUNT, secrets.getOrCreate("linkage.password", 16));
        }
        if (store.get(CredentialKey.OQS_CRYPT_PASS).isEmpty()) {
            store.set(CredentialKey.OQS_CRYPT_PASS, CredentialKey.ADMIN_USER, secrets.getOrCreate("crypt.password", 12));
        }
        EncryptionConfig.writeDefaultsIfAbsent(EncryptionConfig.configDirectory(home.terminalDirectory()));
    }

    private static void ensureServerStores(DemoHome home, CertificateAuthority ca, char[] password) throws IOException {
        if (Files.exists(home.serverKeyStore()) && Files.exists(home.serverTrustStore())) {
            return;
        }
        IssuedCredential server = ca.issueServerCertificate("localhost", "127.0.0.1", "::1");
        server.writePkcs12(home.serverKeyStore(), "server", password);
        TrustStores.writeTrustStore(home.serverTrustStore(), password, ca.caCertificate());
    }

    private static void ensureFacilityCertificate(DemoHome home, CertificateAuthority ca, char[] password)
            throws IOException {
        if (Files.exists(home.clientPkcs12()) && Files.exists(home.terminalTrustStore())) {
            return;
        }
        IssuedCredential facility = ca.issueFacilityCertificate(INSTITUTION_CODE, FACILITY_NAME);
        facility.writePkcs12(home.clientPkcs12(), "facility", password);
        TrustStores.writeTrustStore(home.terminalTrustStore(), password, ca.caCertificate());
    }

    /**
     * The certificate of a party that is not the terminal — the issuing office for {@code oqs card}, the operator
     * for {@code oqs notice} (docs/certificates.md §5, §6) — in a folder of its own, owner-only like the CA; issued
     * once, kept across restarts.
     */
    private static void ensurePartyCertificate(Path directory, Path pkcs12, String alias, char[] password,
            java.util.function.Supplier<IssuedCredential> issue) throws IOException {
        if (Files.exists(pkcs12)) {
            return;
        }
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the home directory's ACL is what protects the key
        }
        issue.get().writePkcs12(pkcs12, alias, password);
    }

    // The demo shows every outcome of the personas, so its facility uses 医療扶助 (a new facility defaults to off),
    // and 医療費助成情報 (PMH, docs/pmh.md), so that a patient's 受給者証 can be shown at all.
    private static void ensureFacility(CentralServer server) {
        if (server.facilities().find(INSTITUTION_CODE).isEmpty()) {
            server.facilities().create(INSTITUTION_CODE, FACILITY_NAME);
            server.facilities().setMedicalAssistance(INSTITUTION_CODE, true);
            server.bean(org.openoqs.server.subsidy.MedicalSubsidySettings.class).set(INSTITUTION_CODE, true, "demo-setup");
        }
    }

    // The demo facility's master account, as its notice (マスタアカウントの通知書) gives it: ID and initial password
    // are master.user / master.password in demo.properties, and the portal forces a change at the first login.
    // Created once; a restart keeps the account and any password changed since. The first start also posts the
    // notices the portal lists after login.
    private static void ensurePortal(CentralServer server, DemoSecrets secrets) throws IOException {
        AccountService accounts = server.bean(AccountService.class);
        String masterId = MASTER_USER_PREFIX + INSTITUTION_CODE;
        if (accounts.find(INSTITUTION_CODE, masterId).isPresent()) {
            return;
        }
        accounts.createMaster(INSTITUTION_CODE, masterId, secrets.getOrCreate("master.password", 12));
        NoticeService notices = server.bean(NoticeService.class);
        Instant now = server.bean(Clock.class).instant();
        notices.publish(null, "openoqs デモ環境へようこそ", "この環境の患者・保険者・医療機関はすべて合成データです。"
                + "実在のオンライン資格確認等システムには接続しません。\n試験用の患者は ./oqs personas で一覧できます。",
                now, null, "demo");
        notices.publish(INSTITUTION_CODE, "初期設定のお願い", "マスタアカウントで管理アカウントを作成し、"
                + "管理アカウントで環境設定（文字コード、医療扶助などの利用有無）を確認してください。", now, null, "demo");
    }

    /**
     * The reader's 顔認証用アカウント (seed chapter 8: one per 顔認証機器), made on the first start through
     * {@link AccountService} as the facility's administrator would make it (the creator is recorded as
     * {@value #SETUP_ACTOR}), its issued password kept in {@code secrets.properties} and, as an installer would enter
     * it into the reader, in the terminal's credential store ({@code OQS_FACE_LOGIN_KEY}), from where the reader
     * reads it. A store that already has the entry is left alone: someone may have entered a re-issued password.
     */
    private static void ensureReaderAccount(CentralServer server, DemoHome home, DemoSecrets secrets) throws IOException {
        CredentialStore store = CredentialStore.open(home.terminalDirectory());
        if (store.get(CredentialKey.OQS_FACE_LOGIN_KEY).isPresent()) {
            return;
        }
        AccountService accounts = server.bean(AccountService.class);
        java.util.Optional<String> kept = secrets.get(READER_ACCOUNT_SECRET);
        if (kept.isEmpty() || accounts.find(INSTITUTION_CODE, kept.get()).isEmpty()) {
            IssuedPassword issued = accounts.create(new AccountActor(INSTITUTION_CODE, SETUP_ACTOR, AccountKind.ADMIN),
                    AccountKind.FACE_DEVICE, READER_NAME);
            secrets.put(READER_PASSWORD_SECRET, issued.password());
            secrets.put(READER_ACCOUNT_SECRET, issued.account().accountId());
            kept = java.util.Optional.of(issued.account().accountId());
        }
        store.set(CredentialKey.OQS_FACE_LOGIN_KEY, kept.get(), secrets.get(READER_PASSWORD_SECRET).orElseThrow());
    }

    private static Map<String, String> describe(DemoHome home, URI base, DemoSecrets secrets, char[] clientPassword)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("web.url", base.resolve("/web/").toString());
        p.put("api.url", base.toString());
        p.put("institution.code", INSTITUTION_CODE);
        p.put("facility.name", FACILITY_NAME);
        p.put("master.user", MASTER_USER_PREFIX + INSTITUTION_CODE);
        p.put("master.password", secrets.getOrCreate("master.password", 12));
        p.put("req.dir", home.reqDirectory().toString());
        p.put("res.dir", home.resDirectory().toString());
        p.put("face.dir", home.faceDirectory().toString());
        p.put("terminal.home", home.terminalDirectory().toString());
        // the shared encryption password a レセコン needs once a prefix is switched to e in encrypt.conf
        CredentialStore.open(home.terminalDirectory()).get(CredentialKey.OQS_CRYPT_PASS)
                .ifPresent(crypt -> p.put("crypt.password", crypt.secret()));
        p.put("client.p12", home.clientPkcs12().toString());
        p.put("client.p12.password", new String(clientPassword));
        p.put("ca.pem", home.caDirectory().resolve(CertificateAuthority.CERTIFICATE_FILE).toString());
        p.put("home", home.root().toString());
        return p;
    }

    // Holds the master, crypt and PKCS#12 passwords: owner only (rw-------), never through a planted link.
    private static void writeProperties(Path file, Map<String, String> properties) throws IOException {
        java.util.Properties out = new java.util.Properties();
        properties.forEach(out::setProperty);
        StringWriter text = new StringWriter();
        out.store(text, "openoqs demo - what a レセコン or a test needs to reach this demo");
        DurableWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8), DurableWrites.OWNER_ONLY);
    }

    public DemoHome home() {
        return home;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public CentralServer server() {
        return server;
    }

    public FacilityTerminal terminal() {
        return terminal;
    }

    /** The card reader (simulator) and its local page. */
    public CardReaderTerminal reader() {
        return reader;
    }

    @Override
    public void close() {
        if (distribution != null) {
            distribution.close();
        }
        if (reader != null) {
            reader.close();
        }
        try {
            terminal.close();
        } finally {
            server.close();
            try {
                lock.close();
            } catch (IOException alreadyReleased) {
                // the process is ending; the operating system releases it anyway
            }
        }
    }
}
