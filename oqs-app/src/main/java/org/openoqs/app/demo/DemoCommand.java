package org.openoqs.app.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oqs demo}: the whole system in one process, until SIGTERM / Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the whole system in one process on an embedded database: central service, CA,",
                "one demo facility with its certificate, the terminal with its linkage agent.",
                "Writes DIR/demo.properties and prints a line starting with 'OQS demo ready' when ready."})
public final class DemoCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8443;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home directory (created if needed; a second start keeps its data). Default: a new temporary directory.")
    Path home;

    @Option(names = "--port", paramLabel = "N",
            description = "HTTPS port of the central service and web portal (default ${DEFAULT-VALUE}; 0 = any free port).",
            defaultValue = "" + DEFAULT_PORT)
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address the HTTPS port listens on (default ${DEFAULT-VALUE}: loopback, this machine only; "
                    + "0.0.0.0 for every interface, e.g. to reach the portal from another machine).",
            defaultValue = DemoSystem.DEFAULT_BIND_ADDRESS)
    String bind;

    // The launcher's class-data training run (./oqs): start as a user's demo starts, then stop so that the JVM
    // writes the classes it loaded into the archive later starts map instead of loading them one by one.
    @Option(names = "--exit-when-ready", hidden = true,
            description = "Stops again once ready (the launcher's class-data training run).")
    boolean exitWhenReady;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        Path root = home != null ? home : Files.createTempDirectory("oqs-demo-");
        if (home == null) {
            out.println("oqs demo: no --home given, using the new directory " + root.toAbsolutePath());
        }
        int effectivePort = choosePort(port, out);
        DemoSystem system = DemoSystem.start(root, effectivePort, bind);
        if (exitWhenReady) {
            printReady(out, system, (System.nanoTime() - started) / 1_000_000);
            system.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("oqs demo: stopping…");
            system.close();
            out.println("oqs demo: stopped");
            stopped.countDown();
        }, "oqs-demo-shutdown"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        printReady(out, system, millis);
        stopped.await();
        return 0;
    }

    // The default port is a convenience, not a requirement: when it is taken (a second demo), use a free one.
    private static int choosePort(int requested, PrintStream out) {
        if (requested != DEFAULT_PORT || isFree(requested)) {
            return requested;
        }
        out.println("oqs demo: port " + requested + " is in use, choosing a free port");
        return 0;
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void printReady(PrintStream out, DemoSystem system, long millis) {
        var p = system.properties();
        out.println("OQS demo ready in " + millis + " ms: " + p.get("web.url"));
        out.println("  facility      " + p.get("institution.code") + " " + p.get("facility.name"));
        out.println("  master        " + p.get("master.user") + " / " + p.get("master.password"));
        out.println("  req           " + p.get("req.dir"));
        out.println("  res           " + p.get("res.dir"));
        out.println("  face          " + p.get("face.dir"));
        out.println("  client cert   " + p.get("client.p12") + " (password " + p.get("client.p12.password") + ")");
        out.println("  office cert   " + p.get("office.p12") + " (oqs card unlock / status)");
        out.println("  operator cert " + p.get("operator.p12") + " (oqs notice publish / list / withdraw)");
        out.println("  card reader   " + p.get("reader.launch.url") + " (顔認証用アカウント " + p.get("reader.account")
                + ", oqs reader confirm)");
        out.println("  hospital      " + p.get("hospital.institution.code") + " " + p.get("hospital.facility.name")
                + " (master " + p.get("hospital.master.user") + " / " + p.get("hospital.master.password") + ")");
        out.println("    req / res   " + p.get("hospital.req.dir") + " / " + p.get("hospital.res.dir"));
        out.println("    face        " + p.get("hospital.face.dir"));
        out.println("    card reader " + p.get("hospital.reader.url") + " (oqs reader confirm --facility hospital)");
        out.println("  properties    " + system.home().demoProperties());
        out.println("Drop OQSsiquc01req_<id>.xml into req; the answer appears in res. Ctrl-C stops.");
    }
}
