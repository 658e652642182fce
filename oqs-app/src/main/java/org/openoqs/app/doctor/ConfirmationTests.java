package org.openoqs.app.doctor;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.TerminalSetup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The confirmation tests of the seed's chapter 12 (資格確認できるか確認する), run against a live demo with the built-in
 * personas: face-auth card reader in unmanned mode (03), the generic reader with visual check and with PIN (04),
 * smartphone (06/07, only where the facility opted in — as the seed's 04/05 split), manual search by the numbers of
 * a 資格確認書 (08: the same query the portal's search screen sends) and the existing system via files (09). Every
 * result file a test produces is removed again, so the レセコン never sees test patients.
 */
final class ConfirmationTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(20);

    private final Path demoHome;
    private final TerminalSetup setup;
    private final Properties demo;
    private final HttpClient api;
    private final Persona persona;

    ConfirmationTests(Path demoHome, TerminalSetup setup) throws IOException {
        this.demoHome = demoHome;
        this.setup = setup;
        this.demo = new Properties();
        try (Reader reader = Files.newBufferedReader(demoHome.resolve(TerminalSetupLoader.DEMO_PROPERTIES),
                StandardCharsets.UTF_8)) {
            demo.load(reader);
        }
        this.api = HttpClient.newBuilder().sslContext(TrustStores.clientContext(setup.clientPkcs12(),
                setup.clientPassword(), setup.trustPkcs12(), setup.trustPassword()))
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        // 社保 本人: a valid qualification and an active card, the patient every test can use
        this.persona = Personas.byKey("shaho-honnin").orElseThrow();
    }

    List<Finding> run() {
        List<Finding> findings = new ArrayList<>();
        findings.add(card("selftest.face", "顔認証機器で資格確認（無人運転）", "face", "card"));
        findings.add(card("selftest.visual", "汎用カードリーダーで資格確認（目視確認）", "visual", "card"));
        findings.add(card("selftest.pin", "汎用カードリーダーで資格確認（暗証番号）", "pin", "card"));
        findings.add(smartphone());
        findings.add(manualSearch());
        findings.add(linkageFiles());
        return findings;
    }

    private Finding card(String id, String title, String method, String credential) {
        String url = demo.getProperty("reader.url");
        String tokenFile = demo.getProperty("reader.token.file");
        if (url == null || tokenFile == null) {
            return Finding.skip(id, title + ": この端末にはカードリーダーがありません（demo.properties に reader.url がありません）。");
        }
        String cardId = persona.card().cardId();
        String pin = cardId.substring(cardId.length() - 4); // the simulator's initial PIN (docs/card-path.md)
        try {
            String form = "card=" + enc(cardId) + "&method=" + enc(method) + "&pin=" + enc("pin".equals(method) ? pin : "")
                    + "&faceMatch=ok&consent=&credential=" + enc(credential) + "&care=outpatient";
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(url).resolve("/api/confirm")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Reader-Token", Files.readString(Path.of(tokenFile)).strip())
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode result = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !result.path("ok").asBoolean(false)) {
                return Finding.fail(id, title + ": 資格確認できませんでした（" + result.path("errorCode").asString("HTTP "
                        + response.statusCode()) + " " + result.path("message").asString("") + "）。",
                        "カードリーダー・オンライン資格確認等システムへの接続を確認してください（docs/card-path.md）。");
            }
            Path faceFile = Path.of(result.path("faceFile").asString());
            boolean valid = result.path("qualificationValid").asBoolean(false);
            boolean written = Files.isRegularFile(faceFile);
            Files.deleteIfExists(faceFile);
            if (!valid || !written) {
                return Finding.fail(id, title + ": 結果が正しくありません（資格有効 " + valid + "、face ファイル " + written + "）。",
                        "face フォルダーと環境設定を確認してください。");
            }
            return Finding.ok(id, title + ": 確認が完了しました（" + persona.title() + "、face ファイルを確認後に削除）");
        } catch (IOException | RuntimeException e) {
            return Finding.fail(id, title + ": カードリーダーに接続できません（" + e.getMessage() + "）。",
                    "oqs demo が起動しているか確認してください。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail(id, title + ": 中断されました。", "");
        }
    }

    private Finding smartphone() {
        String id = "selftest.smartphone";
        try {
            HttpResponse<String> facility = api.send(HttpRequest.newBuilder(setup.serviceUri().resolve("api/v1/facility"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (!"1".equals(JSON.readTree(facility.body()).path("optIns").path("smartphone").asString("0"))) {
                return Finding.skip(id, "スマホによる本人確認（カードリーダー使用）が「利用しない」のため実施しません"
                        + "（seed 12 の 04 の手順。利用する場合は環境設定で「利用する」にしてから再実行）。");
            }
        } catch (IOException | RuntimeException e) {
            return Finding.fail(id, "環境設定を取得できません（" + e.getMessage() + "）。", "service.connection を確認してください。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail(id, "中断されました。", "");
        }
        Finding iphone = card(id, "スマートフォン（iPhone）で資格確認", "face", "iphone");
        return iphone.status() == org.openoqs.terminal.doctor.Verdict.OK
                ? card(id, "スマートフォン（iPhone・Android）で資格確認", "face", "android") : iphone;
    }

    private Finding manualSearch() {
        String id = "selftest.manual-search";
        String title = "資格確認書の情報で資格確認（検索）";
        try {
            String body = JsonMirror.toJson(QualificationMessages.requestToXml(request("selftest-manual")));
            HttpResponse<String> response = api.send(HttpRequest.newBuilder(
                    setup.serviceUri().resolve("api/v1/qualifications/inquiry")).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                return Finding.fail(id, title + ": オンライン資格確認等システムが HTTP " + response.statusCode() + " を返しました。",
                        "service.connection を確認してください。");
            }
            return judge(id, title, QualificationMessages.readResult(JsonMirror.fromJson(response.body())));
        } catch (IOException | RuntimeException e) {
            return Finding.fail(id, title + ": 照会できません（" + e.getMessage() + "）。", "service.connection を確認してください。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail(id, title + ": 中断されました。", "");
        }
    }

    private Finding linkageFiles() {
        String id = "selftest.linkage";
        String title = "既存システムから資格確認（連携アプリケーション・要求ファイル）";
        String name = "OQSsiquc01req_selftest" + System.currentTimeMillis() + ".xml";
        Path request = setup.req().resolve(name);
        Path result = setup.res().resolve(name.replace("req_", "res_"));
        try {
            byte[] xml = new XmlDocumentWriter().writeBytes(QualificationMessages.requestToXml(request("selftest-linkage")),
                    CharacterCode.UTF_8);
            DurableWrites.publishNew(request, xml, DurableWrites.OWNER_AND_GROUP);
            long deadline = System.nanoTime() + FILE_TIMEOUT.toNanos();
            while (!Files.isRegularFile(result) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!Files.isRegularFile(result)) {
                Files.deleteIfExists(request);
                return Finding.fail(id, title + ": " + FILE_TIMEOUT.toSeconds() + " 秒以内に結果ファイルが作成されませんでした。",
                        "agent.linkage と folders の結果を確認してください。");
            }
            QualificationInquiryResult answer = QualificationMessages.parseResult(Files.readAllBytes(result));
            Files.deleteIfExists(result);
            return judge(id, title, answer);
        } catch (IOException | RuntimeException e) {
            return Finding.fail(id, title + ": " + e.getMessage(), "req / res フォルダーを確認してください。");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fail(id, title + ": 中断されました。", "");
        }
    }

    private QualificationInquiryRequest request(String fileId) {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.BASIC_ISO_DATE);
        return new QualificationInquiryRequest(new RequestHeader(today,
                demo.getProperty("institution.code"), fileId), persona.inquiry());
    }

    private Finding judge(String id, String title, QualificationInquiryResult result) {
        if (result.isFileLevelError()) {
            return Finding.fail(id, title + ": エラー " + result.header().errorCode() + " " + result.header().errorMessage(),
                    "エラーコードの説明（docs/errors.md）を確認してください。");
        }
        QualificationValidity validity = result.body().qualificationValidity();
        if (validity != persona.expectedValidity()) {
            return Finding.fail(id, title + ": 資格有効性が " + validity + " でした（期待値 " + persona.expectedValidity() + "）。",
                    "オンライン資格確認等システムの登録内容を確認してください。");
        }
        return Finding.ok(id, title + ": 資格情報が表示されました（" + persona.title() + "、資格有効性 "
                + validity.code() + " " + validity.label() + "）");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
