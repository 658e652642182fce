package org.openoqs.app.card;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs card unlock}: the issuing office lifts a card's PIN lock (暗証番号の再設定) on the running demo. The
 * service records a reset signed by the individuals' CA; the card applies it the next time it is read, and the holder's
 * PIN works again (docs/card-path.md, "PIN lock and unlock").
 */
@Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Unlocks the PIN of a virtual My Number Card as the issuing office (with the demo's office certificate).",
                "Exit 0 done, 2 usage, 3 unknown card, 4 card needs a new certificate (expired/revoked),",
                "5 office certificate missing or refused, 9 demo not running, 10 other."})
public final class CardUnlockCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Option(names = "--card", required = true, paramLabel = "CARD_ID", description = "Card id, e.g. P000000000000003 (see ./oqs personas).")
    String card;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who at the office unlocks (recorded in the audit trail).")
    String operator;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        if (!CardStatusCommand.isCardId(card)) {
            err.println("--card にはカードID（半角英数字、32文字まで）を指定してください");
            return CardExitCodes.USAGE;
        }
        try {
            DemoApiClient.Reply reply = OfficeApi.forDemoHome(home).unlock(card, operator);
            if (!reply.ok()) {
                err.println(reply.refusal());
                return CardExitCodes.ofStatus(reply.status());
            }
            long generation = reply.body().path("generation").asLong();
            boolean wasLocked = "PIN_LOCKED".equals(reply.body().path("previousStatus").asString(""));
            out.println(wasLocked
                    ? "カード " + card + " の暗証番号ロックを解除しました（再設定 第" + generation + "回）。次にカードを読み取ったときから暗証番号が使えます。"
                    : "カード " + card + " はロックされていませんでしたが、暗証番号の試行回数を再設定しました（再設定 第" + generation + "回）。");
            return CardExitCodes.OK;
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }
}
