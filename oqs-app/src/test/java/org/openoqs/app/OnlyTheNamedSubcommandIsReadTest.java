package org.openoqs.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code oqs demo …} reads only the demo's options, not every subcommand's (a quarter second of every start), and
 * reads them to the same effect: the same usage text, the same parsing; anything else still gets every subcommand.
 */
class OnlyTheNamedSubcommandIsReadTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneRead() {
        CommandLine cli = OqsCommand.commandLine(new String[] {"demo", "--home", "x"});

        assertThat(cli.getSubcommands()).containsOnlyKeys("demo");
    }

    @Test
    void itsUsageIsTheUsageItHasAmongAllSubcommands() {
        String alone = OqsCommand.commandLine(new String[] {"clins", "--help"}).getSubcommands().get("clins").getUsageMessage();
        String amongAll = OqsCommand.commandLine().getSubcommands().get("clins").getUsageMessage();

        assertThat(alone).isEqualTo(amongAll).contains("oqs clins");
    }

    @Test
    void helpAnUnknownNameAndNoArgumentsGetEverySubcommand() {
        int all = OqsCommand.SUBCOMMANDS.size();

        assertThat(OqsCommand.commandLine(new String[] {"help", "demo"}).getSubcommands()).hasSize(all);
        assertThat(OqsCommand.commandLine(new String[] {"dmeo"}).getSubcommands()).hasSize(all);
        assertThat(OqsCommand.commandLine(new String[] {"--version"}).getSubcommands()).hasSize(all);
        assertThat(OqsCommand.commandLine(new String[0]).getSubcommands()).hasSize(all);
    }
}
