package org.openoqs.app.notice;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openoqs.app.demo.DemoApiClient;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator API of a running demo ({@code /api/v1/operator/notices}) over mutual TLS with the demo's operator
 * certificate ({@link DemoApiClient.Credential#OPERATOR}), and how the commands print its answers.
 */
final class OperatorApi {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String NOTICES = "/api/v1/operator/notices";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JAPAN);

    /** What a command does with the API once connected. */
    interface Call {
        int run(OperatorApi api, PrintWriter out, PrintWriter err) throws DemoApiClient.Failure;
    }

    private final DemoApiClient client;

    private OperatorApi(DemoApiClient client) {
        this.client = client;
    }

    /**
     * Connects with the demo's operator certificate and runs the call, printing to the command line's writers (so
     * tests read them); connection failures print and exit alike for every command.
     */
    static int run(Path home, CommandSpec spec, Call call) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return call.run(new OperatorApi(DemoApiClient.forDemoHome(home, DemoApiClient.Credential.OPERATOR)),
                    out, err);
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }

    DemoApiClient.Reply publish(String title, String body, String institutionCode, Instant until)
            throws DemoApiClient.Failure {
        ObjectNode json = DemoApiClient.JSON.createObjectNode().put("title", title).put("body", body);
        if (institutionCode != null) {
            json.put("institutionCode", institutionCode);
        }
        if (until != null) {
            json.put("until", until.toString());
        }
        return client.post(NOTICES, json.toString());
    }

    DemoApiClient.Reply list() throws DemoApiClient.Failure {
        return client.get(NOTICES);
    }

    DemoApiClient.Reply withdraw(long id) throws DemoApiClient.Failure {
        return client.delete(NOTICES + "/" + id);
    }

    /** {@code 全医療機関等} or {@code 医療機関 <code>}. */
    static String audience(JsonNode notice) {
        String audience = notice.path("audience").asString("");
        return "ALL".equals(audience) ? "全医療機関等" : "医療機関 " + audience;
    }

    /** {@code 2026-11-25 14:30〜2026-12-07 00:00} in Japan time; an open end reads {@code 取り下げまで}. */
    static String period(JsonNode notice) {
        String from = MINUTE.format(Instant.parse(notice.path("from").asString()));
        String until = notice.path("until").isString()
                ? MINUTE.format(Instant.parse(notice.path("until").asString())) : "取り下げまで";
        return from + "〜" + until;
    }
}
