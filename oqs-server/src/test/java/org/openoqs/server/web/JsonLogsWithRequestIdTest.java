package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.registry.Person;
import org.openoqs.server.CentralServer;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.logging.LogFormat;
import org.openoqs.server.logging.RequestIdFilter;
import org.openoqs.server.pdf.JapaneseFont;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.testsupport.TestPki;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code OQS_LOG_FORMAT=json} (here {@code -Dopenoqs.log.format=json}) makes the service log one JSON object per line,
 * and every line written while one request is handled carries that request's id, which its answer names in
 * {@code X-Request-Id}. The request is a real HTTPS one whose handling logs an error (a PDF with a broken font
 * setting), so there is more than the access line to carry the id.
 */
class JsonLogsWithRequestIdTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static PrintStream originalOut;
    static final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    static CentralServer server;
    static TestPki pki;
    static PortalBrowser browser;
    static String code;
    static Person taro;

    @BeforeAll
    static void jsonLoggingServerWithABrokenFont() throws Exception {
        originalOut = System.out;
        System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
        Path notAFont = Files.createDirectories(dir.resolve("fonts"));
        Map<String, String> before = Map.of(LogFormat.PROPERTY, String.valueOf(System.getProperty(LogFormat.PROPERTY)),
                JapaneseFont.PROPERTY, String.valueOf(System.getProperty(JapaneseFont.PROPERTY)));
        System.setProperty(LogFormat.PROPERTY, "json");
        System.setProperty(JapaneseFont.PROPERTY, notAFont.toString());
        try {
            pki = SharedServer.get().pki();
            server = CentralServer.start(pki.serverConfig(dir.resolve("home")).populationSize(0).build());
        } finally {
            before.forEach((key, value) -> {
                if (value.equals("null")) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        PortalFixture portal = PortalFixture.on(server);
        code = portal.newFacility("構造化ログ医院", false);
        portal.createMaster(code);
        IssuedPassword admin = portal.issue(code, PortalFixture.masterId(code), AccountKind.MASTER, AccountKind.ADMIN,
                "管理 花子");
        IssuedPassword viewer = portal.issue(code, admin.account().accountId(), AccountKind.ADMIN,
                AccountKind.MEDICAL_VIEWER, "医師 三郎");
        taro = persona("shaho-honnin");
        consent(portal, code, "shaho-honnin", MedicalTreatmentFlag.OUTPATIENT, now().minusHours(1), ConsentCategory.DRUG);
        browser = new PortalBrowser(pki.client(pki.issueFacility(code)));
        browser.signIn(server.baseUri(), viewer.account().accountId(), viewer.password());
        browser.get(server.baseUri(), "web/password/change");
        HttpResponse<String> changed = browser.post(server.baseUri(), "web/password/change", Map.of(
                "newPassword", PortalFixture.GOOD_PASSWORD, "confirmPassword", PortalFixture.GOOD_PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (originalOut != null) {
            System.setOut(originalOut);
        }
    }

    @Test
    void everyLineOfOneRequestCarriesItsIdAndTheAnswerNamesIt() throws Exception {
        int from = captured.size();
        HttpResponse<String> pdf = browser.get(server.baseUri(), "web/medical/patients/" + taro.personId() + "/drugs.pdf");
        Thread.sleep(300); // the access line is written as the answer completes

        assertThat(pdf.statusCode()).isEqualTo(503);
        String id = pdf.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        List<JsonNode> lines = jsonLinesSince(from);
        List<JsonNode> ofRequest = lines.stream().filter(l -> id.equals(l.path(RequestIdFilter.MDC_KEY).asString(""))).toList();
        assertThat(ofRequest).extracting(l -> l.path("logger_name").asString())
                .contains(PortalPageAdvice.class.getName(), "org.openoqs.server.access");
        assertThat(lines).filteredOn(l -> l.path("message").asString("").contains("PDF not rendered")
                        || l.path("message").asString("").contains("drugs.pdf answered"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.path(RequestIdFilter.MDC_KEY).asString("")).isEqualTo(id));
        assertThat(ofRequest).allSatisfy(l -> assertThat(l.has("@timestamp") && l.has("level")).isTrue());
    }

    @Test
    void aTerminalsOwnPlainIdIsKeptAndAnythingElseReplaced() throws Exception {
        var client = pki.client(pki.issueFacility(code));
        URI time = server.baseUri().resolve("api/v1/time");
        var kept = client.send(java.net.http.HttpRequest.newBuilder(time).header(RequestIdFilter.HEADER, "term-0042.req")
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        var replaced = client.send(java.net.http.HttpRequest.newBuilder(time)
                .header(RequestIdFilter.HEADER, "<script>" + "x".repeat(80)).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(kept.headers().firstValue(RequestIdFilter.HEADER)).contains("term-0042.req");
        assertThat(replaced.headers().firstValue(RequestIdFilter.HEADER).orElseThrow()).matches("[0-9a-f]{16}");
        assertThat(Api.get(client, server.baseUri(), "api/v1/time").status()).isEqualTo(200);
    }

    @Test
    void theServicesLinesAreJsonObjects() throws Exception {
        browser.get(server.baseUri(), "web/menu");
        Thread.sleep(200);
        String out = captured.toString(StandardCharsets.UTF_8);
        List<String> logLines = out.lines().filter(l -> l.contains("\"logger_name\"")).toList();

        assertThat(logLines).isNotEmpty();
        for (String line : logLines) {
            assertThat(JSON.readTree(line.substring(line.indexOf('{'))).isObject()).as(line).isTrue();
        }
    }

    private static List<JsonNode> jsonLinesSince(int from) {
        byte[] all = captured.toByteArray();
        String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        return text.lines().filter(l -> l.startsWith("{")).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (RuntimeException notJson) {
                return JSON.createObjectNode();
            }
        }).toList();
    }

    /** Copies what is printed to the real stdout too, so the build log keeps it. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            synchronized (b) {
                b.write(bytes, off, len);
            }
        }
    }
}
