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
                org.openoqs.app.reader.ReaderCommand.class,
                org.openoqs.app.card.CardCommand.class,
                org.openoqs.app.notice.NoticeCommand.class,
                org.openoqs.app.ca.CaCommand.class,
                org.openoqs.app.doctor.DoctorCommand.class,
                org.openoqs.app.doctor.SelftestCommand.class,
                org.openoqs.app.distribution.DistributionCommand.class,
                org.openoqs.app.eps.EpsCommand.class,
                org.openoqs.app.clins.ClinsCommand.class,
                org.openoqs.app.audit.AuditCommand.class,
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
        cli.setExecutionExceptionHandler(OqsCommand::reportFailure);
        return cli;
    }

    /**
     * A failing subcommand says what failed in one line (Japanese where the cause is the user's input) and exits 1;
     * the stack trace is for developers and appears only with {@code OQS_DEBUG=1}.
     */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        command.getErr().println("oqs " + command.getCommandName() + ": " + message);
        if ("1".equals(System.getenv("OQS_DEBUG"))) {
            failure.printStackTrace(command.getErr());
        } else {
            command.getErr().println("(詳細は OQS_DEBUG=1 を付けて再実行してください)");
        }
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
