package org.openoqs.app.clins;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openoqs.app.demo.DemoApiClient;
import org.openoqs.server.clins.ClinsRegistrationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code oqs clins register --home DIR --bundle FILE}: sends one Bundle to the registration API as the terminal. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Registers a 5情報 Bundle through the terminal API (a Patient-only Bundle deletes the Bundle of its "
                + "identifier) and prints the outcome and the Bundle identifier.",
                "Exit 0 registered/replaced/deleted, 2 refused (each problem printed with its code and FHIRPath), "
                        + "3 no such file, 5 certificate refused, 9 service not reachable, 10 other."})
public final class ClinsRegisterCommand implements Callable<Integer> {

    @Option(names = "--home", required = true, paramLabel = "DIR",
            description = "A demo home (demo.properties) or a terminal home (terminal.properties).")
    Path home;

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The Bundle (FHIR JSON).")
    Path bundle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(bundle)) {
            err.println("Bundle のファイルがありません: " + bundle);
            return ClinsExitCodes.NO_INPUT;
        }
        try {
            ClinsApi.Reply reply = ClinsApi.forHome(home).register(head(bundle));
            if (!reply.ok()) {
                err.println("登録できませんでした（HTTP " + reply.status() + "）: " + bundle);
                ProblemLines.print(err, reply.body());
                return ClinsExitCodes.ofStatus(reply.status());
            }
            out.println(reply.body().path("outcome").asString() + " " + reply.body().path("identifier").asString() + " "
                    + reply.body().path("resourceType").asString() + " " + reply.body().path("entries").asInt() + "件");
            return ClinsExitCodes.OK;
        } catch (DemoApiClient.Failure failure) {
            err.println(failure.getMessage());
            return failure.exitCode();
        }
    }

    /** More than the limit is never sent: one byte past it is enough for the service's OQSF2004. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ClinsRegistrationService.MAX_BYTES + 1);
        }
    }
}
