package org.openoqs.app.doctor;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openoqs.terminal.doctor.Doctor;
import org.openoqs.terminal.doctor.Finding;
import org.openoqs.terminal.doctor.TerminalSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs selftest --home DIR}: on a running demo, the doctor's checks plus the confirmation tests of the seed's
 * chapter 12, then the seed's final checklist. Exit 1 when anything fails. docs/doctor.md.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = {"Runs the setup manual's confirmation tests (chapter 12) against a running demo: face (unmanned),",
                "visual check, PIN, smartphone (when opted in), manual search, linkage via files; plus every doctor",
                "check; prints the final checklist. Exit 1 when anything fails."})
public final class SelftestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", required = true, description = "Home of a running demo (demo.properties).")
    Path home;

    @Option(names = "--json", description = "Print {\"checks\":[…]} (doctor and tests) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(home.resolve(TerminalSetupLoader.DEMO_PROPERTIES))) {
            spec.commandLine().getErr().println(home + " に demo.properties がありません。oqs demo --home " + home
                    + " で起動してから実行してください。");
            return 2;
        }
        TerminalSetup setup = TerminalSetupLoader.load(home).setup();
        List<Finding> findings = new ArrayList<>(Doctor.standard().run(setup));
        findings.addAll(new ConfirmationTests(home, setup).run());
        if (json) {
            out.print(DoctorReport.json(findings));
        } else {
            out.print(DoctorReport.text(findings));
            out.println();
            out.print(Checklist.render(findings));
        }
        out.flush();
        return Doctor.anyFailed(findings) ? 1 : 0;
    }
}
