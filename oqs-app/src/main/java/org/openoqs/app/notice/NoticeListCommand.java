package org.openoqs.app.notice;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code oqs notice list}: the notices shown now or later, one line each (番号, 宛先, 掲載期間, 件名). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the notices (お知らせ) shown now or later, as the demo's operator.",
                "Exit 0 done, 5 operator certificate missing or refused, 9 demo not running, 10 other."})
public final class NoticeListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Override
    public Integer call() throws Exception {
        return OperatorApi.run(home, spec, (api, out, err) -> {
            DemoApiClient.Reply reply = api.list();
            if (!reply.ok()) {
                err.println(reply.refusal());
                return NoticeExitCodes.ofStatus(reply.status());
            }
            JsonNode notices = reply.body().path("notices");
            if (notices.isEmpty()) {
                out.println("掲載中・掲載予定のお知らせはありません。");
            }
            for (JsonNode n : notices) {
                out.println("お知らせ " + n.path("id").asLong() + "  " + OperatorApi.audience(n) + "  "
                        + OperatorApi.period(n) + "  " + n.path("title").asString());
            }
            return NoticeExitCodes.OK;
        });
    }
}
