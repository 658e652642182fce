package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.otp.Base32;
import org.openoqs.core.otp.Totp;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.testsupport.ClientCertificateRelay;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.testsupport.HeadlessChromium;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.testsupport.TestPki;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 救急時医療情報閲覧 end to end in real Chromium against the real service over mutual TLS (the hospital's certificate
 * presented through {@link ClientCertificateRelay}): the hospital's administrator switches the service on in 環境設定,
 * creates a 医療情報閲覧 account and grants it 救急時閲覧権限; the account enrols TOTP (the test reads the secret from
 * the page and computes the code as an authenticator app does), signs in again and passes the second factor, views
 * the 救急用サマリー of a patient who never consented to the hospital, with a reason; the administrator's 操作履歴 lists
 * the view. Screenshots in {@code target/screenshots/emergency-*.png}.
 */
class EmergencyViewBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String ADMIN_PASSWORD = "Kawasemi#2026-admin";
    static final String VIEWER_PASSWORD = "Mejiro#2026-doctor";
    static final String READER_PASSWORD = "Hibari#2026-letters";

    @TempDir
    static Path dir;
    static PortalFixture portal;
    static String hospital;
    static IssuedPassword admin;
    static ClientCertificateRelay relay;
    static HeadlessChromium chromium;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void hospitalAndBrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        portal = PortalFixture.get();
        hospital = portal.newFacility("救急テスト総合病院", true);
        portal.createMaster(hospital);
        admin = portal.issue(hospital, PortalFixture.masterId(hospital), AccountKind.MASTER, AccountKind.ADMIN,
                "管理 花子");
        TestPki pki = portal.shared().pki();
        relay = ClientCertificateRelay.start(browserTls(pki, dir), pki.sslContext(pki.issueFacility(hospital)),
                SharedServer.get().base());
        chromium = HeadlessChromium.start(dir, 1280, 1400);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void grantEnrolSecondFactorSummaryAndAudit() throws Exception {
        // the administrator: 環境設定 on, a 医療情報閲覧 account, 救急時閲覧権限
        signInFirstTime(admin.account().accountId(), admin.password(), ADMIN_PASSWORD);
        open("settings");
        click(By.id("emergencyInfo-1"));
        click(By.id("save-settings"));
        assertThat(text(By.id("info"))).contains("環境設定を保存しました");
        open("accounts");
        new Select(browser.findElement(By.id("kind"))).selectByValue("MEDICAL_VIEWER");
        browser.findElement(By.id("displayName")).sendKeys("救急 医師");
        click(By.id("create"));
        String viewerId = text(By.id("issued-id"));
        String viewerInitial = text(By.id("issued-password"));
        open("accounts");
        assertThat(text(By.id("account-" + viewerId))).contains("なし");
        click(By.cssSelector("#account-" + viewerId + " button.grant-emergency"));
        assertThat(text(By.id("info"))).contains("救急時閲覧権限を付与しました");
        assertThat(text(By.id("account-" + viewerId))).contains("あり");
        screenshot("emergency-1-permission-granted");
        logout();

        // the account enrols its authenticator: the secret as shown, the code as the app computes it
        signInFirstTime(viewerId, viewerInitial, VIEWER_PASSWORD);
        click(By.linkText("救急時医療情報閲覧"));
        wait.until(ExpectedConditions.urlContains("/web/emergency/enrol"));
        assertThat(text(By.id("otpauth-uri"))).startsWith("otpauth://totp/").contains("secret=");
        byte[] secret = Base32.decode(text(By.id("totp-secret")));
        screenshot("emergency-2-enrolment");
        long enrolStep = freshStep();
        type("code", Totp.code(secret, enrolStep));
        click(By.id("confirm-enrolment"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-form")));
        assertThat(text(By.id("info"))).contains("ワンタイムパスワードを登録しました");
        logout();

        // a new sign-in: the second factor again, with the code the app shows next
        signIn(viewerId, VIEWER_PASSWORD);
        click(By.linkText("救急時医療情報閲覧"));
        wait.until(ExpectedConditions.urlContains("/web/emergency/verify"));
        screenshot("emergency-3-second-factor");
        long step = freshStep();
        while (step <= enrolStep) { // the enrolment's code is used: wait for the app's next one
            Thread.sleep(1000);
            step = freshStep();
        }
        type("code", Totp.code(secret, step));
        click(By.id("verify"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("emergency-form")));

        // a patient who never consented to this hospital, by insurance key, with a reason
        Person ichiro = Personas.byKey("kokuho").orElseThrow().person();
        QualificationConfirmSearchInfo keys = Personas.byKey("kokuho").orElseThrow().inquiry();
        type("insurerNumber", keys.insurerNumber().strip());
        type("insuredCardSymbol", keys.insuredCardSymbol());
        type("insuredIdentificationNumber", keys.insuredIdentificationNumber());
        type("insuredBranchNumber", keys.insuredBranchNumber());
        click(By.id("view-summary"));
        assertThat(text(By.id("errors"))).contains("OQSP5001"); // no reason: refused on the form
        click(By.id("reason-1"));
        screenshot("emergency-4-search");
        click(By.id("view-summary"));

        assertThat(text(By.id("emergency-banner"))).contains("患者の同意なし").contains("意識障害等");
        assertThat(text(By.id("patient-name"))).isEqualTo(ichiro.name());
        assertThat(text(By.id("drug-table"))).contains("調剤日");
        assertThat(text(By.id("diagnosis-table"))).contains("傷病名");
        screenshot("emergency-5-summary");

        // the same account, another patient identified by card at the hospital's own reader (目視確認, no consent)
        open("emergency");
        click(By.id("request-card"));
        String number = text(By.id("card-request-code"));
        IssuedCard card = unusedCard();
        TestPki pki = portal.shared().pki();
        var hospitalClient = pki.client(pki.issueFacility(hospital));
        String reader = ReaderSessions.token(hospitalClient, portal.shared().base(),
                ReaderSessions.createReaderAccount(portal.server(), hospital, "救急外来の顔認証付きカードリーダー"));
        assertThat(card.identifyForEmergency(hospitalClient, portal.shared().base(), reader, hospital, number).status())
                .isEqualTo(200);
        click(By.id("card-reason-2"));
        click(By.id("view-summary-by-card"));
        String holder = portal.server().bean(JdbcClient.class).sql("select person_id from my_number_card where card_id = ?")
                .param(card.cardId()).query(String.class).single().strip();
        assertThat(text(By.id("emergency-banner"))).contains("患者の同意なし");
        assertThat(text(By.id("patient-name"))).isEqualTo(portal.server().bean(JdbcQualificationRegistry.class)
                .person(holder).orElseThrow().name());
        screenshot("emergency-5b-summary-by-card");
        logout();

        // the administrator's 操作履歴
        signIn(admin.account().accountId(), ADMIN_PASSWORD);
        open("audit");
        new Select(browser.findElement(By.id("filter-action"))).selectByValue("EMERGENCY_VIEW");
        click(By.id("filter"));
        String history = text(By.id("audit-table"));
        assertThat(history).contains("救急時医療情報閲覧").contains(viewerId)
                .contains("persons=" + ichiro.personId() + ";channel=web;reason=1").contains("OK summary")
                .contains("REFUSED OQSP5001").contains("identified=card").contains("CARD_IDENTIFIED");
        screenshot("emergency-6-audit");
    }

    /**
     * The README's received referral: a clinic sends 鈴木 一郎's 診療情報提供書 with its 退院時サマリー to this hospital
     * (the patient's consent given verbally at the clinic, sent with it: the reader consent would make him a
     * consenting patient of the emergency story above); a 医療情報閲覧 account opens 受信文書 and the document.
     * {@code docs/images/received-referral.png} is this test's {@code received-referral.png}.
     */
    @Test
    void aReceivedReferralWithItsDischargeSummaryForTheReadme() throws Exception {
        FacilityService facilities = portal.server().facilities();
        facilities.updateSettings(hospital, facilities.get(hospital).settings().withEKarteSharing(true));
        String clinic = portal.newFacility("みどり内科クリニック", false);
        String identifier = referralFrom(clinic);
        IssuedPassword reader = portal.issue(hospital, admin.account().accountId(), AccountKind.ADMIN,
                AccountKind.MEDICAL_VIEWER, "内科 受付医師");
        browser.manage().deleteAllCookies(); // whatever the other test left signed in

        signInFirstTime(reader.account().accountId(), reader.password(), READER_PASSWORD);
        open("medical/documents");
        assertThat(text(By.id("document-" + identifier))).contains("診療情報提供書").contains("鈴木　一郎")
                .contains(clinic);
        click(By.cssSelector("#document-" + cssEscaped(identifier) + " a"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("document-title")));
        assertThat(text(By.id("document-title"))).isEqualTo("診療情報提供書");
        assertThat(text(By.cssSelector("main"))).contains("紹介目的").contains("傷病名: 2型糖尿病")
                .contains("添付: 退院時サマリー").contains("入院中経過");
        browser.manage().window().setSize(new Dimension(1280, 1900));
        screenshot("received-referral");
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    private static String referralFrom(String clinic) throws Exception {
        String json = new String(ExampleCorpus.dir("clins-documents").stream()
                .filter(e -> e.file().equals("referral-with-discharge-summary.json")).findFirst().orElseThrow().bytes(),
                StandardCharsets.UTF_8).replace(ExampleCorpus.DEMO_INSTITUTION_CODE, clinic).replace("0113820013", hospital)
                .replace("オープン総合病院（デモ）", "救急テスト総合病院").replace("^2026^ref-suzuki\"", "^2026^readme\"");
        TestPki pki = portal.shared().pki();
        HttpClient client = pki.client(pki.issueFacility(clinic));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(portal.shared().base()
                        .resolve("api/v1/clins/documents?verbalConsent=true")).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return clinic + "^2026^readme";
    }

    /** A card of the synthetic population no other test certifies (EmergencyViewByCardTest takes its own from 400 on). */
    private static IssuedCard unusedCard() {
        String cardId = portal.server().bean(JdbcClient.class).sql("select c.card_id from my_number_card c "
                        + "where c.status = 'ACTIVE' and c.card_id like 'C%' and not exists (select 1 from card_credential "
                        + "k where k.card_id = c.card_id) order by c.card_id limit 1 offset 500")
                .query(String.class).single();
        return IssuedCard.issue(portal.server(), cardId);
    }

    /** The identifier's {@code ^} in a CSS id selector. */
    private static String cssEscaped(String identifier) {
        return identifier.replace("^", "\\^");
    }

    // ------------------------------------------------------------------------------------------ steps

    /** The current TOTP step, not one about to end (the code must still be current when the service checks it). */
    private static long freshStep() throws InterruptedException {
        long second = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
        if (second >= Totp.STEP_SECONDS - 3) {
            Thread.sleep((Totp.STEP_SECONDS - second + 1) * 1000L);
        }
        return Totp.step(Instant.now());
    }

    private static void signInFirstTime(String id, String initial, String chosen) {
        open("login");
        login(id, initial);
        wait.until(ExpectedConditions.urlContains("/web/password/change"));
        type("newPassword", chosen);
        type("confirmPassword", chosen);
        click(By.id("change"));
        toMenu();
    }

    private static void signIn(String id, String password) {
        open("login");
        login(id, password);
        toMenu();
    }

    /** Past the notices other tests of this JVM may have published for every facility. */
    private static void toMenu() {
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/web/notices"),
                ExpectedConditions.urlContains("/web/menu")));
        if (browser.getCurrentUrl().contains("/web/notices")) {
            click(By.id("close-notices"));
        }
        wait.until(ExpectedConditions.urlContains("/web/menu"));
    }

    private static void login(String id, String password) {
        type("accountId", id);
        type("password", password);
        click(By.id("login"));
    }

    private static void logout() {
        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/web/login?logout"));
    }

    private static void open(String page) {
        browser.get(relay.base().resolve("/web/" + page).toString());
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

    /** The relay's side towards the browser: a server certificate of the test CA for localhost. */
    static SSLContext browserTls(TestPki pki, Path dir) {
        Path p12 = dir.resolve("relay.p12");
        pki.ca().issueServerCertificate("localhost", "127.0.0.1").writePkcs12(p12, "relay", TestPki.PASSWORD);
        return TrustStores.serverContext(TrustStores.loadPkcs12(p12, TestPki.PASSWORD), TestPki.PASSWORD,
                TrustStores.loadPkcs12(pki.trustStore(), TestPki.PASSWORD));
    }
}
