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
 * The whole system in one process: CA, central service and the demo facilities ({@link DemoFacility#ALL}: a clinic
 * and a hospital), each with its certificate, master account, terminal with its linkage agent and exchange folders,
 * and card reader. Restartable on the same home: existing CA, certificates, passwords and database are reused.
 */
public final class DemoSystem implements AutoCloseable {

    /** The demo clinic, the facility every command uses by default (check digit valid; synthetic). */
    public static final String INSTITUTION_CODE = DemoFacility.CLINIC.institutionCode();
    public static final String FACILITY_NAME = DemoFacility.CLINIC.name();
    public static final String MASTER_USER_PREFIX = "M";
    /** The demo issuing office: a synthetic 地方公共団体コード (prefecture 99 does not exist; check digit valid). */
    public static final String OFFICE_CODE = "990019";
    public static final String OFFICE_NAME = "オープン市（デモ）個人番号カード交付窓口";
    /** The demo's central service operator (CN {@code OPERATOR-demo}). */
    public static final String OPERATOR_NAME = "demo";
    /** The demo clinic terminal's linkage account (連携アプリケーション用アカウント, OQS_LOGIN_KEY user). */
    public static final String LINKAGE_ACCOUNT = DemoFacility.CLINIC.linkageAccount();
    /** 利用者名 of the clinic reader's 顔認証用アカウント in the portal's account list. */
    public static final String READER_NAME = DemoFacility.CLINIC.readerName();
    /** Who the audit trail names as creator of the reader's account: the demo's set-up, not a person. */
    public static final String SETUP_ACTOR = "demo-setup";
    static final String READER_ACCOUNT_SECRET = "reader.account";
    static final String READER_PASSWORD_SECRET = "reader.password";

    /** One demo facility's running side: its terminal (linkage agent) and its card reader. */
    private record Site(DemoFacility facility, FacilityTerminal terminal, CardReaderTerminal reader) {

        void close() {
            try {
                reader.close();
            } finally {
                terminal.close();
            }
        }
    }

    private final DemoHome home;
    private final CentralServer server;
    private final Map<DemoFacility, Site> sites;
    private final Map<String, String> properties;
    private final HomeLock lock;
    private org.openoqs.app.distribution.DemoDistribution distribution; // set once, right after construction

    private DemoSystem(DemoHome home, CentralServer server, Map<DemoFacility, Site> sites,
            Map<String, String> properties, HomeLock lock) {
        this.lock = lock;
        this.home = home;
        this.server = server;
        this.sites = sites;
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
        CertificateAuthority ca = CertificateAuthority.initOrLoad(home.caDirectory(), "openoqs Demo CA", caPassword);
        ensureServerStores(home, ca, serverPassword);
        Map<DemoFacility, char[]> clientPasswords = new LinkedHashMap<>();
        for (DemoFacility f : DemoFacility.ALL) {
            char[] clientPassword = secrets.getOrCreate(f.property("client.p12.password"), 16).toCharArray();
            ensureFacilityCertificate(home, f, ca, clientPassword);
            ensureTerminalCredentials(home, f, secrets);
            clientPasswords.put(f, clientPassword);
        }
        char[] officePassword = secrets.getOrCreate("office.p12.password", 16).toCharArray();
        ensurePartyCertificate(home.officeDirectory(), home.officePkcs12(), "office", officePassword,
                () -> ca.issueOfficeCertificate(OFFICE_CODE, OFFICE_NAME));
        char[] operatorPassword = secrets.getOrCreate("operator.p12.password", 16).toCharArray();
        ensurePartyCertificate(home.operatorDirectory(), home.operatorPkcs12(), "operator", operatorPassword,
                () -> ca.issueOperatorCertificate(OPERATOR_NAME));
        // distribution service: code-signing certificate and the first package (docs/distribution.md)
        org.openoqs.app.distribution.DemoDistribution.prepare(home.root(), ca,
                secrets.getOrCreate("distribution.signer.password", 24).toCharArray());
        for (DemoFacility f : DemoFacility.ALL) {
            org.openoqs.app.doctor.TerminalHomePermissions.ownerOnly(home.terminalDirectory(f));
        }

        CentralServer server = CentralServer.start(ServerConfig.builder(home.root().resolve("server"))
                .port(port)
                .bindAddress(bindAddress)
                .serverKeyStore(home.serverKeyStore(), serverPassword)
                .trustStore(home.serverTrustStore(), serverPassword)
                .ca(home.caDirectory(), caPassword)
                .seedDemoData(true)
                .build());
        Map<DemoFacility, Site> sites = new LinkedHashMap<>();
        try {
            ensureWelcomeNotice(server);
            for (DemoFacility f : DemoFacility.ALL) {
                ensureFacility(server, f);
            }
            DemoCards.ensure(server, home); // the personas' cards, laid on each facility's reader
            sites.putAll(openSites(server, home, secrets, clientPasswords));
        } catch (IOException | RuntimeException failed) {
            sites.values().forEach(Site::close);
            server.close();
            throw failed;
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("web.url", server.baseUri().resolve("/web/").toString());
        properties.put("api.url", server.baseUri().toString());
        for (Site site : sites.values()) {
            describe(properties, home, site, secrets, clientPasswords.get(site.facility()));
        }
        properties.put("ca.pem", home.caDirectory().resolve(CertificateAuthority.CERTIFICATE_FILE).toString());
        properties.put("home", home.root().toString());
        properties.put("metrics.url", server.metricsUri().toString());
        properties.put("pdf.font", server.bean(JapaneseFont.class).setting()); // oqs doctor checks it (service.pdf-font)
        properties.put("office.code", OFFICE_CODE);
        properties.put("office.p12", home.officePkcs12().toString());
        properties.put("office.p12.password", new String(officePassword));
        properties.put("operator.p12", home.operatorPkcs12().toString());
        properties.put("operator.p12.password", new String(operatorPassword));
        writeProperties(home.demoProperties(), properties);
        DemoHomePermissions.repair(home); // the database files H2 has just created
        DemoSystem system = new DemoSystem(home, server, sites, properties, lock);
        // the distribution agent (配信アプリケーション): registers, installs, reports, warns about the certificate
        system.distribution = org.openoqs.app.distribution.DemoDistribution.startAgent(home.root(), Duration.ofMinutes(60),
                system.terminal().centralSessions()); // the clinic's: its health file shows a 配信 outage
        return system;
    }

    /**
     * Every facility's portal accounts, terminal and card reader, the facilities side by side: each one's account
     * hashing, key store opening and reader sign-in is mostly waiting or single-threaded, so the second core shortens
     * the start (docs/performance.md, "Demo start"). When one fails, those that started are closed again.
     */
    private static Map<DemoFacility, Site> openSites(CentralServer server, DemoHome home, DemoSecrets secrets,
            Map<DemoFacility, char[]> clientPasswords) throws IOException {
        Map<DemoFacility, java.util.concurrent.CompletableFuture<Site>> opening = new LinkedHashMap<>();
        for (DemoFacility f : DemoFacility.ALL) {
            java.util.concurrent.CompletableFuture<Site> site = new java.util.concurrent.CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    ensurePortal(server, f, secrets);
                    ensureReaderAccount(server, home, f, secrets);
                    site.complete(startSite(server, home, f, clientPasswords.get(f)));
                } catch (IOException | RuntimeException | Error failed) {
                    site.completeExceptionally(failed);
                }
            }, "oqs-demo-site-" + f.key());
            opener.start();
            opening.put(f, site);
        }
        Map<DemoFacility, Site> opened = new LinkedHashMap<>();
        Throwable firstFailure = null;
        for (var entry : opening.entrySet()) {
            try {
                opened.put(entry.getKey(), entry.getValue().join());
            } catch (java.util.concurrent.CompletionException failed) {
                firstFailure = firstFailure == null ? failed.getCause() : firstFailure;
            }
        }
        if (firstFailure == null) {
            return opened;
        }
        opened.values().forEach(Site::close);
        if (firstFailure instanceof IOException io) {
            throw io;
        }
        if (firstFailure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) firstFailure;
    }

    /** The facility's terminal (linkage agent on its own folders) and its card reader with its local page. */
    private static Site startSite(CentralServer server, DemoHome home, DemoFacility f, char[] clientPassword)
            throws IOException {
        TerminalConfig config = new TerminalConfig(f.institutionCode(), server.baseUri(),
                home.clientPkcs12(f), clientPassword, home.terminalTrustStore(f), clientPassword,
                new LinkageFolders(home.reqDirectory(f), home.resDirectory(f), home.terminalWorkDirectory(f)),
                null, Duration.ofSeconds(5), Duration.ofSeconds(15), null, home.terminalDirectory(f),
                home.faceDirectory(f), null);
        FacilityTerminal terminal = FacilityTerminal.start(config, FacilityTerminal.overHttps(config));
        try { // the card reader (simulator) with its local page: docs/card-path.md
            CardReaderTerminal reader = CardReaderTerminal.start(config, terminal.institutionCode(),
                    home.terminalDirectory(f).resolve("reader"), home.faceDirectory(f), terminal.faceResultEncryption(), 0,
                    terminal.centralSessions()); // the reader reaches the service through its terminal
            return new Site(f, terminal, reader);
        } catch (IOException | RuntimeException failed) {
            terminal.close();
            throw failed;
        }
    }

    /**
     * The terminal's credential store as an installer fills it (docs/linkage.md): institution code, an R0 linkage
     * account and a generated OQS_CRYPT_PASS, written on first start; plus encrypt.conf / encrypt_face.conf with
     * everything plain, so a レセコン starts with plain files and can switch a prefix to e.
     */
    private static void ensureTerminalCredentials(DemoHome home, DemoFacility f, DemoSecrets secrets)
            throws IOException {
        CredentialStore store = CredentialStore.open(home.terminalDirectory(f));
        if (store.get(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE).isEmpty()) {
            store.set(CredentialKey.OQS_MEDICAL_INSTITUTION_CODE, CredentialKey.ADMIN_USER, f.institutionCode());
        }
        if (store.get(CredentialKey.OQS_LOGIN_KEY).isEmpty()) {
            store.set(CredentialKey.OQS_LOGIN_KEY, f.linkageAccount(),
                    secrets.getOrCreate(f.property("linkage.password"), 16));
        }
        if (store.get(CredentialKey.OQS_CRYPT_PASS).isEmpty()) {
            store.set(CredentialKey.OQS_CRYPT_PASS, CredentialKey.ADMIN_USER,
                    secrets.getOrCreate(f.property("crypt.password"), 12));
        }
        EncryptionConfig.writeDefaultsIfAbsent(EncryptionConfig.configDirectory(home.terminalDirectory(f)));
    }

    private static void ensureServerStores(DemoHome home, CertificateAuthority ca, char[] password) throws IOException {
        if (Files.exists(home.serverKeyStore()) && Files.exists(home.serverTrustStore())) {
            return;
        }
        IssuedCredential server = ca.issueServerCertificate("localhost", "127.0.0.1", "::1");
        server.writePkcs12(home.serverKeyStore(), "server", password);
        TrustStores.writeTrustStore(home.serverTrustStore(), password, ca.caCertificate());
    }

    private static void ensureFacilityCertificate(DemoHome home, DemoFacility f, CertificateAuthority ca,
            char[] password) throws IOException {
        if (Files.exists(home.clientPkcs12(f)) && Files.exists(home.terminalTrustStore(f))) {
            return;
        }
        IssuedCredential facility = ca.issueFacilityCertificate(f.institutionCode(), f.name());
        facility.writePkcs12(home.clientPkcs12(f), "facility", password);
        TrustStores.writeTrustStore(home.terminalTrustStore(f), password, ca.caCertificate());
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

    // The demo shows every outcome of the personas, so its facilities use 医療扶助 (a new facility defaults to off),
    // 医療費助成情報, and both use 電子カルテ情報共有サービス: one registers, the other retrieves. Set when the facility is created; a
    // restart keeps whatever was changed in 環境設定 since.
    private static void ensureFacility(CentralServer server, DemoFacility f) {
        if (server.facilities().find(f.institutionCode()).isPresent()) {
            return;
        }
        server.facilities().create(f.institutionCode(), f.name(), f.hospital());
        server.facilities().updateSettings(f.institutionCode(), server.facilities().get(f.institutionCode()).settings()
                .withMedicalAssistance(true).withEKarteSharing(true));
        // 医療費助成情報 (PMH, docs/pmh.md), so that a patient's 受給者証 can be shown at all
        server.bean(org.openoqs.server.subsidy.MedicalSubsidySettings.class).set(f.institutionCode(), true, SETUP_ACTOR);
    }

    // Posted once, on the first start (when the clinic does not exist yet): the notice every facility sees.
    private static void ensureWelcomeNotice(CentralServer server) {
        if (server.facilities().find(INSTITUTION_CODE).isPresent()) {
            return;
        }
        server.bean(NoticeService.class).publish(null, "openoqs デモ環境へようこそ",
                "この環境の患者・保険者・医療機関はすべて合成データです。"
                        + "実在のオンライン資格確認等システムには接続しません。\n試験用の患者は ./oqs personas で一覧できます。",
                server.bean(Clock.class).instant(), null, "demo");
    }

    // A demo facility's master account, as its notice (マスタアカウントの通知書) gives it: ID and initial password
    // are <prefix>master.user / master.password in demo.properties, and the portal forces a change at the first login.
    // Created once; a restart keeps the account and any password changed since. The first start also posts the
    // facility's notice the portal lists after login.
    private static void ensurePortal(CentralServer server, DemoFacility f, DemoSecrets secrets) throws IOException {
        AccountService accounts = server.bean(AccountService.class);
        if (accounts.find(f.institutionCode(), f.masterUser()).isPresent()) {
            return;
        }
        accounts.createMaster(f.institutionCode(), f.masterUser(), secrets.getOrCreate(f.property("master.password"), 12));
        server.bean(NoticeService.class).publish(f.institutionCode(), "初期設定のお願い", "マスタアカウントで管理アカウントを作成し、"
                + "管理アカウントで環境設定（文字コード、医療扶助などの利用有無）を確認してください。",
                server.bean(Clock.class).instant(), null, "demo");
    }

    /**
     * The reader's 顔認証用アカウント (seed chapter 8: one per 顔認証機器), made on the first start through
     * {@link AccountService} as the facility's administrator would make it (the creator is recorded as
     * {@value #SETUP_ACTOR}), its issued password kept in {@code secrets.properties} and, as an installer would enter
     * it into the reader, in the facility terminal's credential store ({@code OQS_FACE_LOGIN_KEY}), from where the
     * reader reads it. A store that already has the entry is left alone: someone may have entered a re-issued password.
     */
    private static void ensureReaderAccount(CentralServer server, DemoHome home, DemoFacility f, DemoSecrets secrets)
            throws IOException {
        CredentialStore store = CredentialStore.open(home.terminalDirectory(f));
        if (store.get(CredentialKey.OQS_FACE_LOGIN_KEY).isPresent()) {
            return;
        }
        AccountService accounts = server.bean(AccountService.class);
        String accountKey = f.property(READER_ACCOUNT_SECRET);
        String passwordKey = f.property(READER_PASSWORD_SECRET);
        java.util.Optional<String> kept = secrets.get(accountKey);
        if (kept.isEmpty() || accounts.find(f.institutionCode(), kept.get()).isEmpty()) {
            IssuedPassword issued = accounts.create(new AccountActor(f.institutionCode(), SETUP_ACTOR, AccountKind.ADMIN),
                    AccountKind.FACE_DEVICE, f.readerName());
            secrets.put(passwordKey, issued.password());
            secrets.put(accountKey, issued.account().accountId());
            kept = java.util.Optional.of(issued.account().accountId());
        }
        store.set(CredentialKey.OQS_FACE_LOGIN_KEY, kept.get(), secrets.get(passwordKey).orElseThrow());
    }

    /** One facility's keys, prefixed with {@link DemoFacility#prefix()} ({@code hospital.req.dir}, …). */
    private static void describe(Map<String, String> p, DemoHome home, Site site, DemoSecrets secrets,
            char[] clientPassword) throws IOException {
        DemoFacility f = site.facility();
        p.put(f.property("institution.code"), f.institutionCode());
        p.put(f.property("facility.name"), f.name());
        p.put(f.property("master.user"), f.masterUser());
        p.put(f.property("master.password"), secrets.getOrCreate(f.property("master.password"), 12));
        p.put(f.property("req.dir"), home.reqDirectory(f).toString());
        p.put(f.property("res.dir"), home.resDirectory(f).toString());
        p.put(f.property("face.dir"), home.faceDirectory(f).toString());
        p.put(f.property("terminal.home"), home.terminalDirectory(f).toString());
        CredentialStore store = CredentialStore.open(home.terminalDirectory(f));
        // the shared encryption password a レセコン needs once a prefix is switched to e in encrypt.conf
        store.get(CredentialKey.OQS_CRYPT_PASS).ifPresent(crypt -> p.put(f.property("crypt.password"), crypt.secret()));
        p.put(f.property("client.p12"), home.clientPkcs12(f).toString());
        p.put(f.property("client.p12.password"), new String(clientPassword));
        p.put(f.property("reader.url"), site.reader().pageUri().toString());
        p.put(f.property("reader.launch.url"), site.reader().launchUri().toString()); // demo.properties is owner only
        p.put(f.property("reader.token.file"), site.reader().tokenFile().toString());
        store.get(CredentialKey.OQS_FACE_LOGIN_KEY)
                .ifPresent(account -> p.put(f.property("reader.account"), account.user()));
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

    /** The clinic's terminal. */
    public FacilityTerminal terminal() {
        return terminal(DemoFacility.CLINIC);
    }

    public FacilityTerminal terminal(DemoFacility facility) {
        return sites.get(facility).terminal();
    }

    /** The clinic's card reader (simulator) and its local page. */
    public CardReaderTerminal reader() {
        return reader(DemoFacility.CLINIC);
    }

    public CardReaderTerminal reader(DemoFacility facility) {
        return sites.get(facility).reader();
    }

    @Override
    public void close() {
        if (distribution != null) {
            distribution.close();
        }
        try {
            sites.values().forEach(Site::close);
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
