package org.openoqs.app.audit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oqs audit …}: the central service's audit trail (監査ログ・操作履歴). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The central service's audit trail: verify that no entry was changed, removed or re-hashed.",
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
