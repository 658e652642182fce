package org.openoqs.app.terminal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oqs terminal}: the facility terminal's own tools. */
@Command(name = "terminal", mixinStandardHelpOptions = true,
        description = "The facility terminal (資格確認端末): set up its home, run it, manage its credentials.",
        subcommands = {InitCommand.class, CredentialsCommand.class, RunCommand.class})
public final class TerminalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
