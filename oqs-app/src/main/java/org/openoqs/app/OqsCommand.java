package org.openoqs.app;

import org.openoqs.app.bench.BenchCommand;
import org.openoqs.app.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oqs} executable: one command, a subcommand per job. */
@Command(name = "oqs",
        mixinStandardHelpOptions = true,
        versionProvider = OqsVersion.class,
        description = "openoqs — オンライン資格確認等システムのオープンソース実装 (central service, terminal, card reader).",
        subcommands = {
                DemoCommand.class,
                PersonasCommand.class,
                org.openoqs.app.terminal.TerminalCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class OqsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new OqsCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
