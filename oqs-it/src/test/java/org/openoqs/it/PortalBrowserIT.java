package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.testsupport.ClientCertificateRelay;
import org.openoqs.server.testsupport.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web portal in real Chromium (Debian {@code chromium} + {@code chromium-driver}), against the
 * real {@code oqs demo} process, following the seed's set-up: first login of the master account → forced password
 * change → notices → the master creates an administrator → the administrator creates a general account and
 * switches the result character code to Shift_JIS → the general account is refused account management by the
 * server → the next result file in {@code res} is Shift_JIS → the manual inquiry shows a persona → … → the
 * administrator disables the card reader's 顔認証用アカウント and the reader is refused. The browser
 * presents the facility certificate through {@link ClientCertificateRelay} (oqs-server's test support, as the
 * browser itself: {@link HeadlessChromium}). Screenshots go to
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String MASTER_PASSWORD = "Aozora#2026-master";
    static final String ADMIN_PASSWORD = "Kawasemi#2026-admin";
    static final String GENERAL_PASSWORD = "Tsubame#2026-clerk";

    @TempDir
    static Path home;
    @TempDir
    static Path chromeHome;
    static DemoProcess demo;
    static Properties props;
    static ClientCertificateRelay proxy;
    static HeadlessChromium chromium;
    static URI portal;
    static WebDriver browser;
    static WebDriverWait wait;
    static String adminId;
    static String adminInitialPassword;
    static String generalId;
    static String generalInitialPassword;
    static String viewerId;
    static final String VIEWER_PASSWORD = "Mejiro#2026-doctor";

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        demo = DemoProcess.start(home);
        props = demo.properties();
        proxy = ClientCertificateRelay.start(browserSideTls(), facilityTls(), URI.create(props.getProperty("api.url")));
        portal = proxy.base().resolve("/web/");
        chromium = HeadlessChromium.start(chromeHome, 1280, 1000);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (demo != null) {
            demo.stop();
        }
    }

    @Test
    @Order(1)
    void withoutTheFacilityCertificateTheBrowserGetsAJapaneseRefusal() throws Exception {
        browser.get(props.getProperty("web.url")); // straight to the demo: no client certificate in this browser

        assertThat(text(By.id("refusal-title"))).contains("クライアント証明書を確認できないため、接続できません");
        assertThat(text(By.id("refusal-reason"))).contains("クライアント証明書が提示されていません");
        screenshot("01-certificate-required");
        HttpResponse<String> plain = HttpClient.newBuilder().sslContext(trustOnly()).build().send(
                HttpRequest.newBuilder(URI.create(props.getProperty("web.url") + "login")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(plain.statusCode()).isEqualTo(403);
        assertThat(plain.body()).contains("クライアント証明書").doesNotContain("name=\"password\"");
    }

    @Test
    @Order(2)
    void theMastersFirstLoginForcesAPasswordChangeAndThenShowsTheNotices() throws Exception {
        browser.get(portal.toString());
        screenshot("02-start");
        click(By.id("start"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accountId")));
        screenshot("03-login");
        login(props.getProperty("master.user"), props.getProperty("master.password"));

        assertThat(text(By.id("change-reason"))).contains("初期パスワード");
        screenshot("04-forced-password-change");
        changePassword("short", "short");
        assertThat(text(By.id("errors"))).contains("8文字以上").contains("3種類以上");
        changePassword(MASTER_PASSWORD, MASTER_PASSWORD);

        wait.until(ExpectedConditions.urlContains("/web/notices"));
        assertThat(browser.getPageSource()).contains("openoqs デモ環境へようこそ").contains("初期設定のお願い");
        screenshot("05-notices");
        click(By.id("close-notices"));
        wait.until(ExpectedConditions.urlContains("/web/menu"));
        screenshot("06-master-menu");
    }

    @Test
    @Order(3)
    void theMasterCreatesAnAdministrator() throws Exception {
        browser.get(portal.resolve("accounts").toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("ADMIN");
        browser.findElement(By.id("displayName")).sendKeys("管理 花子");
        click(By.id("create"));

        adminId = text(By.id("issued-id"));
        adminInitialPassword = text(By.id("issued-password"));
        assertThat(adminId).matches("A\\d{5}");
        assertThat(text(By.id("issued-kind"))).isEqualTo("管理アカウント");
        screenshot("07-administrator-created");
        logout();
    }

    @Test
    @Order(4)
    void theAdministratorCreatesAGeneralAccountAndSwitchesToShiftJis() throws Exception {
        signInFirstTime(adminId, adminInitialPassword, ADMIN_PASSWORD);
        browser.get(portal.resolve("accounts").toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("GENERAL");
        browser.findElement(By.id("displayName")).sendKeys("受付 太郎");
        click(By.id("create"));
        generalId = text(By.id("issued-id"));
        generalInitialPassword = text(By.id("issued-password"));
        assertThat(generalId).matches("U\\d{5}");

        browser.get(portal.resolve("settings").toString());
        assertThat(browser.findElement(By.id("characterCode-utf8")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("medicalAssistance-1")).isSelected()).isTrue(); // the demo opts in
        click(By.id("characterCode-sjis"));
        click(By.id("save-settings"));

        assertThat(text(By.id("info"))).contains("環境設定を保存しました");
        assertThat(browser.findElement(By.id("characterCode-sjis")).isSelected()).isTrue();
        screenshot("08-settings-shift-jis");
        logout();
    }

    @Test
    @Order(5)
    void theGeneralAccountIsRefusedAccountManagementByTheServer() throws Exception {
        signInFirstTime(generalId, generalInitialPassword, GENERAL_PASSWORD);
        assertThat(browser.getPageSource()).doesNotContain("アカウント管理");

        browser.get(portal.resolve("accounts").toString()); // typed into the address bar: no button to hide

        assertThat(text(By.id("refused-title"))).isEqualTo("ご利用いただけません");
        assertThat(text(By.id("refused-message"))).contains("権限がありません");
        screenshot("09-general-refused-account-management");
    }

    @Test
    @Order(6)
    void theNextResultFileFollowsTheShiftJisSetting() throws Exception {
        ExampleCorpus.Example example = ExampleCorpus.valid().get(0);
        Folders.drop(demo.req(), "OQSsiquc01req_portal-sjis.xml", example.bytes());

        byte[] bytes = Folders.awaitFile(demo.res().resolve("OQSsiquc01res_portal-sjis.xml"), Duration.ofSeconds(20));

        String head = new String(bytes, 0, Math.min(bytes.length, 100), StandardCharsets.US_ASCII);
        assertThat(head).contains("encoding=\"Shift_JIS\"");
        String text = new String(bytes, Charset.forName("windows-31j"));
        assertThat(text).contains("<CharacterCodeIdentifier>1</CharacterCodeIdentifier>");
        QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
        assertThat(result.header().characterCodeIdentifier()).isEqualTo(CharacterCode.SHIFT_JIS);
        assertThat(result.body().results()).first().satisfies(r -> assertThat(r.name()).isEqualTo("山田　太郎"));
    }

    @Test
    @Order(7)
    void theManualInquiryShowsAPersonasRecord() throws Exception {
        QualificationConfirmSearchInfo taro = Personas.byKey("shaho-honnin").orElseThrow().inquiry();
        browser.get(portal.resolve("menu").toString());
        click(By.linkText("資格確認書／処方箋で確認"));
        type("insurerNumber", taro.insurerNumber().strip());
        type("insuredCardSymbol", taro.insuredCardSymbol());
        type("insuredIdentificationNumber", taro.insuredIdentificationNumber());
        type("insuredBranchNumber", taro.insuredBranchNumber());
        type("birthdate", taro.birthdate());
        screenshot("10-manual-inquiry");
        click(By.id("search"));

        assertThat(text(By.id("validity"))).isEqualTo("有効（1）");
        assertThat(browser.getPageSource()).contains("山田　太郎").contains("はなみずき健康保険組合")
                .contains("被保険者証区分").contains("本人（1）");
        screenshot("11-qualification-result");
    }

    @Test
    @Order(8)
    void aMedicalViewerSeesTheDrugsAndCheckUpsOfAPatientWhoConsentedOnTheReader() throws Exception {
        // 山田 太郎 (a 特定健診 every year) and 佐藤 洋子 (monthly prescriptions) consent on the reader
        confirmOnTheReader("P000000000000001", "drug,checkup,diagnosis");
        confirmOnTheReader("P000000000000002", "drug,diagnosis");
        Person taro = Personas.byKey("shaho-honnin").orElseThrow().person();
        Person yoko = Personas.byKey("shin-shikaku").orElseThrow().person();
        logout();
        signIn(adminId, ADMIN_PASSWORD);
        browser.get(portal.resolve("accounts").toString());
        new Select(browser.findElement(By.id("kind"))).selectByValue("MEDICAL_VIEWER");
        browser.findElement(By.id("displayName")).sendKeys("医師 一郎");
        click(By.id("create"));
        viewerId = text(By.id("issued-id"));
        String viewerInitial = text(By.id("issued-password"));
        assertThat(viewerId).matches("I\\d{5}");
        logout();

        signInFirstTime(viewerId, viewerInitial, VIEWER_PASSWORD);
        click(By.linkText("医療情報閲覧"));
        assertThat(text(By.id("patients"))).contains(taro.name()).contains(yoko.name()).contains("特定健診情報");
        screenshot("12-medical-patients");
        click(By.id("open-" + yoko.personId()));
        click(By.id("tab-drugs"));
        assertThat(text(By.id("drug-table"))).contains("調剤日").contains("医薬品名");
        screenshot("13-medical-drugs");
        click(By.id("back-to-list"));
        click(By.id("open-" + taro.personId()));
        click(By.id("tab-checkups"));
        assertThat(text(By.id("checkup-table"))).contains("BMI");
        screenshot("14-medical-checkups");
        browser.get(portal.resolve("medical/patients/" + Personas.byKey("kokuho").orElseThrow().person().personId()
                + "/drugs").toString());
        assertThat(text(By.id("refused-message"))).contains("OQSP3101").contains("薬剤情報の同意がありません");
    }

    @Test
    @Order(9)
    void aMedicalViewerSeesTheElectronicRecordInformationRegisteredWithTheCli() throws Exception {
        // the clinic's EMR registers 山田 太郎's allergies with the real jar's CLI (the demo's HAPI parses them)
        Person taro = Personas.byKey("shaho-honnin").orElseThrow().person();
        for (String file : new String[] {"drug-allergy-shaho.json", "other-allergy-shaho.json"}) {
            Path bundle = home.resolve(file);
            Files.write(bundle, ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals(file)).findFirst()
                    .orElseThrow().bytes());
            DemoProcess.Completed registered = DemoProcess.run("clins", "register", "--home", home.toString(),
                    "--bundle", bundle.toString());
            assertThat(registered.exitCode()).as(registered.output()).isZero();
            assertThat(registered.output()).contains("created 0113810014^2026^");
        }
        browser.get(portal.resolve("menu").toString());
        logout();
        signIn(adminId, ADMIN_PASSWORD);
        browser.get(portal.resolve("settings").toString());
        click(By.id("eKarteSharing-1"));
        click(By.id("save-settings"));
        assertThat(text(By.id("info"))).contains("環境設定を保存しました");
        logout();
        signIn(viewerId, VIEWER_PASSWORD);
        // 山田 太郎 consented to drug, checkup and diagnosis only: no 電子カルテ情報 yet
        browser.get(portal.resolve("medical/patients/" + taro.personId() + "/ekarte").toString());
        assertThat(text(By.id("refused-message"))).contains("OQSP3101").contains("電子カルテ情報の同意がありません");

        confirmOnTheReader("P000000000000001", "clins");
        browser.get(portal.resolve("medical").toString());
        click(By.id("open-" + taro.personId()));
        click(By.id("tab-ekarte"));

        assertThat(text(By.id("clins-other-allergy"))).contains("そば").contains("スギ花粉").contains("未告知");
        assertThat(text(By.id("clins-drug-allergy"))).contains("0113810014");
        assertThat(text(By.id("clins-condition-none"))).contains("傷病名の情報はありません");
        screenshot("15-medical-ekarte");
    }

    @Test
    @Order(10)
    void theAdministratorDisablesTheReadersAccountAndTheReaderIsRefused() throws Exception {
        String reader = props.getProperty("reader.account"); // the demo's 顔認証用アカウント (seed chapters 8, 10)
        assertThat(reader).matches("F\\d{5}");
        browser.get(portal.resolve("menu").toString());
        logout();
        signIn(adminId, ADMIN_PASSWORD);
        browser.get(portal.resolve("accounts").toString());
        assertThat(text(By.id("account-" + reader))).contains("顔認証用アカウント").contains("有効");

        click(By.cssSelector("#account-" + reader + " button.disable"));

        assertThat(text(By.id("info"))).contains(reader + " を無効にしました");
        assertThat(text(By.id("account-" + reader))).contains("無効");
        screenshot("16-reader-account-disabled");
        DemoProcess.Completed refused = DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card",
                "P000000000000001", "--method", "face");
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(11);
        assertThat(refused.output()).contains("OQSF9301").contains("アカウントが無効です");
    }

    // ------------------------------------------------------------------------------------------ steps

    private static void confirmOnTheReader(String card, String consents) throws Exception {
        DemoProcess.Completed confirmed = DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card", card,
                "--method", "face", "--consent", consents);
        assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();
    }

    private static void signInFirstTime(String id, String initial, String chosen) throws Exception {
        browser.get(portal.resolve("login").toString());
        login(id, initial);
        assertThat(text(By.id("change-reason"))).contains("初期パスワード");
        changePassword(chosen, chosen);
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/web/notices"),
                ExpectedConditions.urlContains("/web/menu")));
        if (browser.getCurrentUrl().contains("/web/notices")) { // new notices are listed first (seed chapter 7)
            click(By.id("close-notices"));
        }
        wait.until(ExpectedConditions.urlContains("/web/menu"));
    }

    /** Signs in with a password already chosen and waits until the portal has let the account in. */
    private static void signIn(String id, String password) {
        login(id, password);
        // the login page's own URL is under /web/ too: wait for where a successful sign-in leads
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/web/notices"),
                ExpectedConditions.urlContains("/web/menu")));
    }

    private static void login(String id, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accountId")));
        type("accountId", id);
        type("password", password);
        click(By.id("login"));
    }

    private static void changePassword(String password, String confirmation) {
        type("newPassword", password);
        type("confirmPassword", confirmation);
        click(By.id("change"));
    }

    private static void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/web/login?logout"));
        assertThat(text(By.id("info"))).isEqualTo("ログアウトしました。");
    }

    private static void type(String id, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        if (value != null) {
            field.sendKeys(value);
        }
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private static String text(By what) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(what)).getText().strip();
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(SCREENSHOTS, name);
    }

    // ------------------------------------------------------------------------------------------ TLS

    /** The proxy's side towards the browser: the demo's own server key (the browser accepts the demo CA's certs). */
    private static SSLContext browserSideTls() throws Exception {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("secrets.properties"), StandardCharsets.UTF_8)) {
            secrets.load(reader);
        }
        char[] password = secrets.getProperty("server.keystore.password").toCharArray();
        KeyStore keys = TrustStores.loadPkcs12(home.resolve("server").resolve("server.p12"), password);
        return TrustStores.serverContext(keys, password, TrustStores.trustStoreOf(caCertificate()));
    }

    /** The facility's client certificate (demo.properties client.p12), as the terminal's browser holds it. */
    private static SSLContext facilityTls() throws Exception {
        char[] password = props.getProperty("client.p12.password").toCharArray();
        return TrustStores.clientContext(TrustStores.loadPkcs12(Path.of(props.getProperty("client.p12")), password),
                password, TrustStores.trustStoreOf(caCertificate()));
    }

    private static SSLContext trustOnly() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        return TrustStores.clientContext(empty, new char[0], TrustStores.trustStoreOf(caCertificate()));
    }

    private static X509Certificate caCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(props.getProperty("ca.pem")))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
