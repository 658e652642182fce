package org.openoqs.app;

import org.openoqs.app.bench.BenchCommand;
import org.openoqs.app.demo.DemoCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code oqs} executable: one command, a subcommand per job. */
@Command(name = "oqs",
        mixinStandardHelpOptions = true,
        versionProvider = OqsVersion.class,
        description = "openoqs — オンライン資格確認等システムのオープンソース実装 (central service, terminal, card reader).")
public final class OqsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every subcommand, in the order {@code oqs --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand, shared by tests and {@code oqs --help}. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}: only the subcommand they name when they name one, every subcommand
     * otherwise (help, a typo to suggest a correction for). picocli reads the options of every command it is given
     * by reflection, about 0.25 s for all of them on the 2-core machine, which {@code oqs demo}'s start need not pay.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length == 0) {
            return commandLine();
        }
        return SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && names(c).contains(args[0]))
                .findFirst()
                .map(c -> commandLine(List.of(c)))
                .orElseGet(OqsCommand::commandLine);
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new java.util.ArrayList<>(List.of(annotation.aliases()));
        names.add(annotation.name());
        return names;
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new OqsCommand());
        subcommands.forEach(cli::addSubcommand);
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
