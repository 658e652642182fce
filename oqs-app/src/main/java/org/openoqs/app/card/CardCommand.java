package org.openoqs.app.card;

import picocli.CommandLine.Command;

/** {@code oqs card …}: the issuing office's administration of My Number Cards on a running demo. */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "The issuing office (個人番号カード交付窓口) of a running demo: unlock a card's PIN, show a card's state.",
        subcommands = {CardUnlockCommand.class, CardStatusCommand.class})
public final class CardCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
