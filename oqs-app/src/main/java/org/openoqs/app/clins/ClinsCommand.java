package org.openoqs.app.clins;

import picocli.CommandLine.Command;

/** {@code oqs clins …}: 電子カルテ情報共有サービス 5情報 Bundles for an EMR vendor's scripts (docs/clins.md). */
@Command(name = "clins", mixinStandardHelpOptions = true,
        description = "電子カルテ情報共有サービス: check 5情報 Bundles (JP_Bundle_CLINS) and register, delete or list them.",
        subcommands = {ClinsValidateCommand.class, ClinsRegisterCommand.class, ClinsDeleteCommand.class,
                ClinsListCommand.class})
public final class ClinsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
