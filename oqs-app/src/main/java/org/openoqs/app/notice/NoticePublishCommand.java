package org.openoqs.app.notice;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oqs notice publish}: the operator publishes a お知らせ, shown from now to every facility's accounts (or one
 * facility's) in the portal right after sign-in, until the end of the {@code --until} day (Japan time) or until
 * withdrawn.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes a notice (お知らせ) to every facility, or to one, as the demo's operator.",
                "Exit 0 done, 2 usage or refused notice, 5 operator certificate missing or refused,",
                "9 demo not running, 10 other."})
public final class NoticePublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "Home of the running demo (holds demo.properties).")
    Path home;

    @Option(names = "--title", required = true, paramLabel = "T", description = "件名 (up to 200 characters).")
    String title;

    @Option(names = "--body", required = true, paramLabel = "B", description = "本文 (up to 4000 characters).")
    String body;

    @Option(names = "--facility", paramLabel = "CODE", description = "Only this facility (10-digit 医療機関コード); default every facility.")
    String facility;

    @Option(names = "--until", paramLabel = "yyyy-MM-dd", description = "Last day it is shown (Japan time); default until withdrawn.")
    String until;

    @Override
    public Integer call() throws Exception {
        Instant end;
        try {
            // shown through the whole last day: the end is the next midnight in Japan
            end = until == null ? null : LocalDate.parse(until).plusDays(1).atStartOfDay(OperatorApi.JAPAN).toInstant();
        } catch (DateTimeParseException e) {
            spec.commandLine().getErr().println("--until には掲載最終日を yyyy-MM-dd 形式で指定してください");
            return NoticeExitCodes.USAGE;
        }
        return OperatorApi.run(home, spec, (api, out, err) -> {
            DemoApiClient.Reply reply = api.publish(title, body, facility, end);
            if (!reply.ok()) {
                err.println(reply.refusal());
                return NoticeExitCodes.ofStatus(reply.status());
            }
            out.println("お知らせ " + reply.body().path("id").asLong() + " を掲載しました（宛先: "
                    + OperatorApi.audience(reply.body()) + "、掲載期間: " + OperatorApi.period(reply.body()) + "）。");
            return NoticeExitCodes.OK;
        });
    }
}
