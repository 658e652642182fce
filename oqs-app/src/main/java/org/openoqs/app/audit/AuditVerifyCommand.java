package org.openoqs.app.audit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oqs audit verify}: re-computes every audit entry's HMAC (or, before the keyed epoch, SHA-256) from the
 * database with the key file, and names the first entry that does not verify. Exit 0 intact, 1 tampered
 * ({@code OQSF9606}), 3 cannot verify (database {@code OQSF9607}, key {@code OQSF9608}), 2 usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies the audit chain of a central service's database with its key file (chain.key).",
                "Exit 0: intact. 1: tampered (OQSF9606, the first broken entry is named). 3: cannot verify",
                "(OQSF9607 database, OQSF9608 key file). The embedded H2 database is opened read-only; while a demo",
                "runs on it, its service's own verification (health on the management port) is reported."})
public final class AuditVerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int TAMPERED = 1;
    static final int CANNOT_VERIFY = 3;
    /** The database password for {@code --jdbc}: from the environment, never on the command line. */
    static final String PASSWORD_VARIABLE = "OQS_JDBC_PASSWORD";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Database database;

    static final class Database {
        @Option(names = "--home", paramLabel = "DIR",
                description = "A demo home (demo.properties; database server/db/oqs, key server/audit/chain.key) "
                        + "or a server home (db/oqs, audit/chain.key).")
        Path home;

        @Option(names = "--jdbc", paramLabel = "URL",
                description = "The service's database, e.g. jdbc:postgresql://db:5432/oqs (needs --key-file; "
                        + "password from $" + PASSWORD_VARIABLE + ").")
        String jdbcUrl;
    }

    @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user for --jdbc.")
    String jdbcUser;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The audit chain key file the service uses (oqs.audit.key-file); default: the home's.")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (database.jdbcUrl != null && keyFile == null) {
            err.println("oqs audit verify: --jdbc には --key-file（サービスの audit/chain.key）の指定が必要です。");
            return CommandLine.ExitCode.USAGE;
        }
        AuditChainLocation location = database.home != null
                ? AuditChainLocation.ofHome(database.home, keyFile)
                : AuditChainLocation.ofJdbc(database.jdbcUrl, jdbcUser, System.getenv(PASSWORD_VARIABLE), keyFile);
        AuditChainInspection.Outcome outcome = AuditChainInspection.inspect(location);
        PrintWriter target = outcome.verdict() == AuditChainInspection.Verdict.INTACT ? out : err;
        target.println(outcome.message());
        if (!outcome.fix().isEmpty()) {
            target.println("対処: " + outcome.fix());
        }
        target.flush();
        return switch (outcome.verdict()) {
            case INTACT -> INTACT;
            case BROKEN -> TAMPERED;
            case UNAVAILABLE -> CANNOT_VERIFY;
        };
    }
}
