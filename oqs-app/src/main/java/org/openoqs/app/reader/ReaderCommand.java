package org.openoqs.app.reader;

import picocli.CommandLine.Command;

/** {@code oqs reader …}: the card reader of a running terminal (demo). */
@Command(name = "reader", mixinStandardHelpOptions = true,
        description = "The card reader of a running terminal: confirm with a virtual My Number Card or smartphone.",
        subcommands = {ReaderConfirmCommand.class})
public final class ReaderCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
