package org.openoqs.app.clins;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oqs clins list --home DIR}: the facility's registered Bundles, one a line. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists this facility's registered Bundles: identifier, resource type, entries, "
                + "被保険者個人識別子, registration time.",
                "Exit 0 listed, 5 certificate refused, 9 service not reachable, 10 other."})
public final class ClinsListCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "A demo home (demo.properties) or a terminal home (terminal.properties).")
    Path home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ClinsApi.Reply reply = ClinsApi.forHome(home).list();
            if (!reply.ok()) {
                err.println("一覧を取得できませんでした（HTTP " + reply.status() + "）");
                ProblemLines.print(err, reply.body());
                return ClinsExitCodes.ofStatus(reply.status());
            }
            for (JsonNode b : reply.body()) {
                out.println(b.path("identifier").asString() + "  " + b.path("resourceType").asString() + "  "
                        + b.path("entries").asInt() + "件  " + b.path("memberId").asString() + "  "
                        + b.path("registeredAt").asString());
            }
            out.println("登録済み " + reply.body().size() + "件");
            return ClinsExitCodes.OK;
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }
}
