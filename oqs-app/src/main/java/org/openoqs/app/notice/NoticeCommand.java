package org.openoqs.app.notice;

import picocli.CommandLine.Command;

/** {@code oqs notice …}: the central service operator's お知らせ on a running demo (docs/web-portal.md). */
@Command(name = "notice", mixinStandardHelpOptions = true,
        description = "The central service operator of a running demo: publish, list and withdraw お知らせ to facilities.",
        subcommands = {NoticePublishCommand.class, NoticeListCommand.class, NoticeWithdrawCommand.class})
public final class NoticeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
