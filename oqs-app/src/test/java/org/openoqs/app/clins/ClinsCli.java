package org.openoqs.app.clins;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.openoqs.app.OqsCommand;
import picocli.CommandLine;

/** Runs {@code oqs clins …} in this JVM through the real command line, capturing both streams. */
final class ClinsCli {

    record Run(int exit, String out, String err) {
    }

    private ClinsCli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OqsCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "clins";
        System.arraycopy(args, 0, full, 1, args.length);
        return new Run(cli.execute(full), out.toString(), err.toString());
    }
}
