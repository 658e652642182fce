package org.openoqs.app.notice;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oqs notice withdraw}: ends a notice now; it disappears from every facility's お知らせ. */
@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = {"Withdraws a notice (お知らせ) as the demo's operator.",
                "Exit 0 done, 2 usage, 3 unknown or already withdrawn notice, 5 operator certificate missing or refused,",
                "9 demo not running, 10 other."})
public final class NoticeWithdrawCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Option(names = "--id", required = true, paramLabel = "N", description = "The notice's number (see oqs notice list).")
    long id;

    @Override
    public Integer call() throws Exception {
        return OperatorApi.run(home, spec, (api, out, err) -> {
            DemoApiClient.Reply reply = api.withdraw(id);
            if (!reply.ok()) {
                err.println(reply.refusal());
                return NoticeExitCodes.ofStatus(reply.status());
            }
            out.println("お知らせ " + id + " を取り下げました。");
            return NoticeExitCodes.OK;
        });
    }
}
