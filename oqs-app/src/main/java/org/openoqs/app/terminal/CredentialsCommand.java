package org.openoqs.app.terminal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openoqs.terminal.credentials.Credential;
import org.openoqs.terminal.credentials.CredentialException;
import org.openoqs.terminal.credentials.CredentialKey;
import org.openoqs.terminal.credentials.CredentialStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oqs terminal credentials set|list|remove}: the terminal's credential store, the counterpart of the
 * Windows Credential Manager entries of the real linkage application. Secrets are never printed.
 */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = {"Manages the terminal's credentials (資格情報): OQS_LOGIN_KEY, OQS_MEDICAL_INSTITUTION_CODE,",
                "OQS_CRYPT_PASS, OQS_NAS_LOGIN_KEY, OQS_FACE_LOGIN_KEY. Stored encrypted in the terminal home;",
                "read at terminal start."},
        subcommands = {CredentialsCommand.Set.class, CredentialsCommand.List.class, CredentialsCommand.Remove.class})
public final class CredentialsCommand implements Runnable {

    /** Exit code for a refused value or an unreadable store. */
    static final int FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The shared {@code --home} option. */
    static final class Home {
        @Option(names = "--home", paramLabel = "DIR", required = true,
                description = "The terminal home (holds credentials.dat / credentials.key; never shared).")
        Path home;

        CredentialStore store() {
            return CredentialStore.open(home);
        }
    }

    static final class KeyConverter implements CommandLine.ITypeConverter<CredentialKey> {
        @Override
        public CredentialKey convert(String value) {
            return CredentialKey.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "unknown key '" + value + "'; one of " + Arrays.stream(CredentialKey.values())
                            .map(Enum::name).collect(Collectors.joining(", "))));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Sets one entry (validated; a refused value is not stored).",
                    "  OQS_LOGIN_KEY                --user R0…|R1… --secret-stdin   (linkage account ID, password)",
                    "  OQS_MEDICAL_INSTITUTION_CODE --value 10 digits               (user OQS_Admin)",
                    "  OQS_CRYPT_PASS               --secret-stdin                  (user OQS_Admin; ≤ 12 half-width alphanumerics)",
                    "  OQS_NAS_LOGIN_KEY            --user ONSRenkei --secret-stdin (share user, password)",
                    "  OQS_FACE_LOGIN_KEY           --user F…  --secret-stdin       (card reader's 顔認証用アカウント, password)"})
    static final class Set implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Home home;

        @Parameters(index = "0", paramLabel = "KEY", converter = KeyConverter.class,
                description = "OQS_LOGIN_KEY, OQS_MEDICAL_INSTITUTION_CODE, OQS_CRYPT_PASS, OQS_NAS_LOGIN_KEY or "
                        + "OQS_FACE_LOGIN_KEY")
        CredentialKey key;

        @Option(names = "--user", paramLabel = "USER",
                description = "User name (R0…/R1… for OQS_LOGIN_KEY, F… for OQS_FACE_LOGIN_KEY, the share user for "
                        + "OQS_NAS_LOGIN_KEY; "
                        + "OQS_Admin, the default, for the other two).")
        String user;

        @ArgGroup(exclusive = true)
        Source source;

        static final class Source {
            @Option(names = "--secret-stdin", description = "Read the secret from the first line of standard input.")
            boolean stdin;

            @Option(names = "--value", paramLabel = "V",
                    description = "The value on the command line (fine for the institution code; a password would "
                            + "stay in the shell history).")
            String value;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String secret = readSecret(err);
            if (secret == null) {
                return FAILED;
            }
            try {
                Credential stored = home.store().set(key, user, secret);
                out.println(key + " を設定しました（ユーザー名 " + stored.user() + "）。端末の次回起動から有効です。");
                return 0;
            } catch (CredentialException refused) {
                err.println(refused.getMessage());
                return FAILED;
            }
        }

        private String readSecret(PrintWriter err) throws IOException {
            if (source != null && source.value != null) {
                if (key != CredentialKey.OQS_MEDICAL_INSTITUTION_CODE) {
                    err.println("警告: --value の値はシェルの履歴に残ります。パスワードは --secret-stdin で渡してください。");
                }
                return source.value;
            }
            if (source != null && source.stdin) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = reader.readLine();
                return line == null ? "" : line;
            }
            Console console = System.console();
            if (console == null) {
                err.println("--secret-stdin または --value で値を指定してください。");
                return null;
            }
            char[] typed = console.readPassword("%s（%s）: ", key, key.label());
            return typed == null ? "" : new String(typed);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every key with its user name and state (設定済み / 未設定); never a secret.")
    static final class List implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Home home;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                java.util.List<CredentialStore.Entry> entries = home.store().list();
                out.printf("%-30s %-22s %s%n", "KEY", "USER", "STATE");
                for (CredentialStore.Entry entry : entries) {
                    out.printf("%-30s %-22s %s%n", entry.key(), entry.user() == null ? "-" : entry.user(),
                            entry.state());
                }
                return 0;
            } catch (CredentialException unreadable) {
                spec.commandLine().getErr().println(unreadable.getMessage());
                return FAILED;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes one entry.")
    static final class Remove implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Home home;

        @Parameters(index = "0", paramLabel = "KEY", converter = KeyConverter.class)
        CredentialKey key;

        @Override
        public Integer call() {
            try {
                boolean removed = home.store().remove(key);
                spec.commandLine().getOut().println(removed
                        ? key + " を削除しました。端末の次回起動から有効です。" : key + " は設定されていません。");
                return 0;
            } catch (CredentialException unreadable) {
                spec.commandLine().getErr().println(unreadable.getMessage());
                return FAILED;
            }
        }
    }
}
