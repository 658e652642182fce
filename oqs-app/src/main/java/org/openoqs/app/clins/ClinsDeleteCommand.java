package org.openoqs.app.clins;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import org.openoqs.core.clins.ClinsBundleIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oqs clins delete --home DIR --identifier ID}: deletes one of the facility's registered Bundles. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Deletes a registered Bundle of this facility by its Bundle.identifier value "
                + "(e.g. 0113810014^2026^lab-1).",
                "Exit 0 deleted, 2 not an identifier, 4 no such Bundle of this facility, 5 certificate refused, "
                        + "9 service not reachable, 10 other."})
public final class ClinsDeleteCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "A demo home (demo.properties) or a terminal home (terminal.properties).")
    Path home;

    @Option(names = "--identifier", required = true, paramLabel = "ID", description = "The Bundle.identifier value.")
    String identifier;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ClinsBundleIdentifier.parse(identifier).isEmpty()) {
            err.println("--identifier は「医療機関コード10桁^発行年^施設内ID」の形式で指定してください: " + identifier);
            return ClinsExitCodes.REFUSED;
        }
        try {
            ClinsApi.Reply reply = ClinsApi.forHome(home).delete(identifier);
            if (!reply.ok()) {
                err.println("削除できませんでした（HTTP " + reply.status() + "）: " + identifier);
                ProblemLines.print(err, reply.body());
                return ClinsExitCodes.ofStatus(reply.status());
            }
            out.println("deleted " + identifier);
            return ClinsExitCodes.OK;
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }
}
