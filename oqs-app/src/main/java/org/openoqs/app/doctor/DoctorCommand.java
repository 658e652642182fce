package org.openoqs.app.doctor;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openoqs.terminal.doctor.Doctor;
import org.openoqs.terminal.doctor.DoctorCheck;
import org.openoqs.terminal.doctor.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oqs doctor --home DIR [--json]}: the seed's set-up checklist, automated (docs/doctor.md). */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks a terminal set-up as the setup manual makes an installer do: folders, credentials,",
                "certificate, connection, clock/NTP, proxy, ports, agents, distribution, versions, restart, sleep, PDF font,",
                "and on a demo home the central service's audit chain (as oqs audit verify).",
                "Each check prints ok / warn / fail / skip with a message and a fix. Exit 1 when any check fails.",
                "DIR: a terminal home (terminal.properties) or a demo home (demo.properties)."})
public final class DoctorCommand implements Callable<Integer> {
    static final String SETUP_CHECK = "terminal.home";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR", required = true, description = "Terminal home or demo home.")
    Path home;

    @Option(names = "--json", description = "Print {\"checks\":[{\"id\",\"status\",\"message\",\"fix\"}]} instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings;
        try {
            findings = withServiceChecks(home).run(TerminalSetupLoader.load(home).setup());
        } catch (IllegalArgumentException unreadableSetup) {
            findings = List.of(Finding.fail(SETUP_CHECK, unreadableSetup.getMessage(),
                    "端末ホーム（terminal.properties のあるフォルダー）かデモのホームを --home に指定してください。"));
        }
        out.print(json ? DoctorReport.json(findings) : DoctorReport.text(findings));
        out.flush();
        return Doctor.anyFailed(findings) ? 1 : 0;
    }

    /** The manual's checklist, then what only this application can check: the service's PDF font and audit chain. */
    static Doctor withServiceChecks(Path home) {
        List<DoctorCheck> checks = new ArrayList<>(Doctor.standard().checks());
        checks.add(new PdfFontCheck(home));
        checks.add(new AuditChainCheck(home));
        return new Doctor(checks);
    }
}
