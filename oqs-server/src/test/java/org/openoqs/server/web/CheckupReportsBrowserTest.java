package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.ConsentRecord;
import org.openoqs.core.consent.ConsentRules;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Person;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.consent.ConsentService;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.medical.MedicalInformationService;
import org.openoqs.server.testsupport.ClientCertificateRelay;
import org.openoqs.server.testsupport.HeadlessChromium;
import org.openoqs.server.testsupport.TestPki;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * 医療情報閲覧 → 健康診断結果報告書 in real Chromium over mutual TLS (docs/clins.md "健康診断結果報告書: viewing"): a
 * check-up centre registers 国保 一郎's report; at a hospital that uses 電子カルテ情報共有サービス, a 医療情報閲覧 account
 * opens his 特定健診情報 (he consented to it on the reader) and, next to it, the tab 健康診断結果報告書: the report rendered
 * in its Japanese sections with the results. For a patient who consented only to 薬剤情報 the tab is closed and the
 * address typed by hand is refused with OQSP5007. Both are audited with the account. Screenshot
 * {@code target/screenshots/checkup-report.png}.
 */
class CheckupReportsBrowserTest {

    static final String PASSWORD = "Tsugumi#2026-view";

    @TempDir
    static Path dir;
    static PortalFixture portal;
    static String hospital;
    static IssuedPassword viewer;
    static String identifier;
    static Person ichiro;
    static Person drugOnly;
    static ClientCertificateRelay relay;
    static HeadlessChromium chromium;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void aReportRegisteredElsewhereAndAHospitalWithConsents() throws Exception {
        portal = PortalFixture.get();
        hospital = portal.newFacility("健診結果閲覧病院", true);
        FacilityService facilities = portal.server().facilities();
        facilities.updateSettings(hospital, facilities.get(hospital).settings().withEKarteSharing(true));
        portal.createMaster(hospital);
        IssuedPassword admin = portal.issue(hospital, PortalFixture.masterId(hospital), AccountKind.MASTER,
                AccountKind.ADMIN, "管理 次郎");
        viewer = portal.issue(hospital, admin.account().accountId(), AccountKind.ADMIN, AccountKind.MEDICAL_VIEWER,
                "内科 医師");
        ichiro = Personas.byKey("kokuho").orElseThrow().person();
        drugOnly = Personas.byKey("shaho-honnin").orElseThrow().person();
        identifier = registerElsewhere();
        consent(ichiro, ConsentCategory.CHECKUP);
        consent(drugOnly, ConsentCategory.DRUG);

        TestPki pki = portal.shared().pki();
        relay = ClientCertificateRelay.start(EmergencyViewBrowserTest.browserTls(pki, dir),
                pki.sslContext(pki.issueFacility(hospital)), portal.shared().base());
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
    void theReportOpensNextToTheCheckupsWithTheConsentAndIsRefusedWithoutIt() throws Exception {
        signInFirstTime();

        open("/web/medical/patients/" + ichiro.personId() + "/checkups");
        assertThat(text(By.id("medical-tabs"))).contains("特定健診情報").contains("健康診断結果報告書");
        click(By.id("tab-checkup-reports"));
        wait.until(ExpectedConditions.urlContains("/checkup-reports"));
        assertThat(text(By.tagName("h1"))).isEqualTo("健康診断結果報告書");
        assertThat(text(By.id("patient-name"))).isEqualTo(ichiro.name());
        String report = text(By.cssSelector("main"));
        assertThat(report).contains(identifier).contains("事業者健診結果").contains("身長 171.2cm、体重 68.4kg")
                .contains("身長: 171.2 cm").contains("体重: 68.4 kg");
        Files.createDirectories(EmergencyViewBrowserTest.SCREENSHOTS);
        chromium.screenshot(EmergencyViewBrowserTest.SCREENSHOTS, "checkup-report");
        assertThat(lastAudit().outcome()).startsWith("OK screen reports=");
        assertThat(lastAudit().subject()).isEqualTo("kind=CIPsickr01;channel=web;persons=" + ichiro.personId());
        assertThat(lastAudit().actor()).isEqualTo(viewer.account().accountId());

        open("/web/medical/patients/" + drugOnly.personId());
        assertThat(browser.findElements(By.id("tab-checkup-reports"))).as("no link without the consent").isEmpty();
        assertThat(text(By.id("medical-tabs"))).contains("健康診断結果報告書");
        open("/web/medical/patients/" + drugOnly.personId() + "/checkup-reports");
        assertThat(text(By.id("refused-code"))).isEqualTo("OQSP5007");
        assertThat(text(By.id("refused-message"))).contains("特定健診情報の閲覧同意");
        assertThat(text(By.cssSelector("main"))).doesNotContain("身長");
        assertThat(lastAudit().outcome()).isEqualTo("REFUSED OQSP5007 consent=checkup none");
    }

    private static String registerElsewhere() throws Exception {
        String centre = portal.newFacility("健診センター（ブラウザ）", false);
        String json = new String(ExampleCorpus.dir("clins-documents").stream()
                .filter(e -> e.file().equals("checkup-general.json")).findFirst().orElseThrow().bytes(),
                StandardCharsets.UTF_8).replace(ExampleCorpus.DEMO_INSTITUTION_CODE, centre)
                .replace("^2026^checkup-suzuki\"", "^2026^ck-browser\"");
        HttpClient client = portal.shared().pki().client(portal.shared().pki().issueFacility(centre));
        URI uri = portal.shared().base().resolve("api/v1/clins/documents");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return centre + "^2026^ck-browser";
    }

    private static void consent(Person person, ConsentCategory category) {
        LocalDateTime at = LocalDateTime.now(ServerConfig.TOKYO).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);
        portal.server().bean(ConsentService.class).record(List.of(new ConsentRecord(hospital, person.personId(),
                category, MedicalTreatmentFlag.OUTPATIENT, at, ConsentRules.availableUntil(MedicalTreatmentFlag.OUTPATIENT,
                at))), null, "face");
    }

    private static void signInFirstTime() {
        open("/web/login");
        type("accountId", viewer.account().accountId());
        type("password", viewer.password());
        click(By.id("login"));
        wait.until(ExpectedConditions.urlContains("/web/password/change"));
        type("newPassword", PASSWORD);
        type("confirmPassword", PASSWORD);
        click(By.id("change"));
        wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/web/notices"),
                ExpectedConditions.urlContains("/web/menu")));
    }

    private static AuditEvent lastAudit() {
        return portal.server().auditLog().recent(hospital, 20).stream()
                .filter(e -> e.action().equals(MedicalInformationService.ACTION)).findFirst().orElseThrow();
    }

    private static void open(String path) {
        browser.get(relay.base().resolve(path).toString());
    }

    private static void type(String id, String value) {
        var field = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(value);
    }

    private static void click(By what) {
        wait.until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    private static String text(By what) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(what)).getText().strip();
    }
}
