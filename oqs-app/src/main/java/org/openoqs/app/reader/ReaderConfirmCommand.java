package org.openoqs.app.reader;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Properties;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoFacility;
import org.openoqs.core.error.ErrorCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oqs reader confirm}: puts a virtual card (or smartphone) on the running terminal's reader, proves presence
 * by face, PIN or staff's visual check, and prints the face file written. Talks to the terminal's local reader page
 * named in {@code DIR/demo.properties} ({@code reader.url}, with the token from {@code reader.token.file}; the
 * hospital's reader with {@code --facility hospital}: {@code hospital.reader.url}, {@code hospital.reader.token.file}).
 */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Confirms a qualification with a virtual My Number Card on the running demo's reader.",
                "Prints the face file's path (exit 0), or the reason it failed (exit 3 wrong PIN, 4 PIN locked,",
                "5 face mismatch, 6 certificate expired/revoked/invalid, 7 no qualification, 8 not allowed,",
                "9 terminal or service unreachable, 10 other, 11 the reader cannot sign in with its",
                "顔認証用アカウント)."})
public final class ReaderConfirmCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Option(names = "--facility", paramLabel = "clinic|hospital", defaultValue = "clinic",
            description = "Which demo facility's reader (default ${DEFAULT-VALUE}; the hospital is オープン総合病院).")
    String facility;

    @Option(names = "--card", required = true, paramLabel = "CARD_ID", description = "Card id, e.g. P000000000000001 (see ./oqs personas).")
    String card;

    @Option(names = "--method", required = true, paramLabel = "face|pin|visual", description = "How presence is proved.")
    String method;

    @Option(names = "--pin", paramLabel = "NNNN", description = "The 4-digit PIN (method pin). Simulated cards start with the last 4 digits of the card id.")
    String pin;

    @Option(names = "--face-match", paramLabel = "ok|ng", defaultValue = "ok", description = "The face-auth reader's verdict (method face; default ${DEFAULT-VALUE}).")
    String faceMatch;

    @Option(names = "--consent", paramLabel = "LIST", defaultValue = "", description = "What the patient agrees to share: drug,checkup,diagnosis,surgery,clins,limit,subsidy (subsidy: provide the 医療費助成 受給者証, PMH; surgery and clins count only where the facility switched 手術情報 / 電子カルテ情報共有サービス on).")
    String consent;

    @Option(names = "--credential", paramLabel = "card|iphone|android", defaultValue = "card", description = "The card itself or a smartphone carrying it (default ${DEFAULT-VALUE}).")
    String credential;

    @Option(names = "--care", paramLabel = "outpatient|home-visit|online", defaultValue = "outpatient", description = "Care setting of the consents (default ${DEFAULT-VALUE}).")
    String care;

    @Option(names = "--prescription", paramLabel = "electronic|paper",
            description = "The patient's prescription choice on the reader (kept only where the facility uses 電子処方箋 and asks at confirmation).")
    String prescription;

    @Option(names = "--emergency-code", paramLabel = "NNNNNNNN",
            description = "救急時医療情報閲覧: the 受付番号 an emergency account was given; the card is read with --method visual, without consent (docs/emergency-view.md).")
    String emergencyCode;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (!"ok".equalsIgnoreCase(faceMatch) && !"ng".equalsIgnoreCase(faceMatch)) {
            err.println("--face-match は ok または ng を指定してください");
            return ReaderExitCodes.USAGE;
        }
        DemoFacility site = DemoFacility.ofKey(facility).orElse(null);
        if (site == null) {
            err.println("--facility は clinic または hospital を指定してください（指定: " + facility + "）");
            return ReaderExitCodes.USAGE;
        }
        Properties demo = new Properties();
        Path file = home.resolve("demo.properties");
        if (!Files.isRegularFile(file)) {
            err.println("デモが起動していません（" + file + " がありません）。./oqs demo --home " + home + " で起動してください");
            return ReaderExitCodes.UNREACHABLE;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            demo.load(r);
        }
        String url = demo.getProperty(site.property("reader.url"));
        String tokenFile = demo.getProperty(site.property("reader.token.file"));
        if (url == null || tokenFile == null) {
            err.println("この端末にはカードリーダーがありません（demo.properties に reader.url がありません）");
            return ReaderExitCodes.UNREACHABLE;
        }
        String token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
        String form = field("card", card) + "&" + field("method", method) + "&" + field("pin", pin == null ? "" : pin)
                + "&" + field("faceMatch", faceMatch) + "&" + field("consent", consent) + "&"
                + field("credential", credential) + "&" + field("care", care)
                + "&" + field("prescription", prescription == null ? "" : prescription)
                + "&" + field("emergencyCode", emergencyCode == null ? "" : emergencyCode);
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create(url).resolve("/api/confirm")).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Reader-Token", token)
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            err.println("端末のカードリーダーに接続できません（" + url + "）。デモが起動しているか確認してください");
            return ReaderExitCodes.UNREACHABLE;
        }
        if (response.statusCode() != 200) {
            err.println("カードリーダーが要求を拒否しました（HTTP " + response.statusCode() + "）");
            return ReaderExitCodes.OTHER;
        }
        JsonNode result = JsonMapper.builder().build().readTree(response.body());
        if (result.path("ok").asBoolean(false) && result.path("emergencyIdentified").asBoolean(false)) {
            out.println("救急時の本人確認を送信しました（受付番号 " + emergencyCode + "）");
            return ReaderExitCodes.OK;
        }
        if (result.path("ok").asBoolean(false)) {
            out.println(result.path("faceFile").asString());
            if (!result.path("qualificationValid").asBoolean(false)) {
                err.println("資格が有効ではありません（資格有効性 " + result.path("validity").asString("-") + "）");
                return ReaderExitCodes.NO_QUALIFICATION;
            }
            return ReaderExitCodes.OK;
        }
        String code = result.path("errorCode").asString("");
        err.println("エラー " + code + ": " + result.path("message").asString(""));
        return ReaderExitCodes.of(ErrorCode.fromCode(code).orElse(null));
    }

    private static String field(String name, String value) {
        return name + "=" + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
