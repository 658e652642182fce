package org.openoqs.app.card;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oqs card status}: a card's state as the issuing office sees it (no personal data). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows a virtual My Number Card's state as the issuing office sees it: status, certificate expiry, PIN resets.",
                "Exit 0 shown, 2 usage, 3 unknown card, 5 office certificate missing or refused, 9 demo not running, 10 other."})
public final class CardStatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter JST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Option(names = "--card", required = true, paramLabel = "CARD_ID", description = "Card id, e.g. P000000000000003 (see ./oqs personas).")
    String card;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (!isCardId(card)) {
            err.println("--card にはカードID（半角英数字、32文字まで）を指定してください");
            return CardExitCodes.USAGE;
        }
        try {
            DemoApiClient.Reply reply = OfficeApi.forDemoHome(home).status(card);
            if (!reply.ok()) {
                err.println(reply.refusal());
                return CardExitCodes.ofStatus(reply.status());
            }
            out.println(describe(reply.body()));
            return CardExitCodes.OK;
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }

    static String describe(JsonNode card) {
        String status = card.path("status").asString("");
        long resets = card.path("pinResetGeneration").asLong(0);
        String last = card.path("pinResetAt").isString()
                ? "、最終 " + JST.format(Instant.parse(card.path("pinResetAt").asString())) : "";
        return "カード " + card.path("cardId").asString() + ": " + label(status) + "（" + status + "）、"
                + "電子証明書の有効期限 " + card.path("certificateExpiry").asString("-") + "、"
                + "暗証番号の再設定 " + resets + "回" + last;
    }

    private static String label(String status) {
        return switch (status) {
            case "ACTIVE" -> "利用可能";
            case "PIN_LOCKED" -> "暗証番号ロック中";
            case "CERTIFICATE_EXPIRED" -> "電子証明書の有効期限切れ";
            case "CERTIFICATE_REVOKED" -> "電子証明書失効";
            default -> "状態不明";
        };
    }

    /** The reader's own rule for card ids, so a path cannot be smuggled into the URL. */
    static boolean isCardId(String value) {
        return value != null && value.matches("[A-Za-z0-9]{1,32}");
    }
}
