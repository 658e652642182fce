package org.openoqs.app.clins;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.openoqs.server.clins.ClinsBundleCheck;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsRegistrationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code oqs clins validate <file|folder>}: openoqs's own registration rules on each Bundle, offline — the rules that
 * decide acceptance. The official packages' validator is not in this jar (docs/clins.md says why and how to run
 * HL7's validator with them).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks 5情報 Bundles (a .json file, or every .json file of a folder) against openoqs's registration "
                + "rules, printing each problem with its error code and FHIRPath.",
                "Not checked offline: whether the 被保険者個人識別子 names a registered person (OQSF2034/2035) and "
                        + "replace/delete against what is registered (OQSF2061/2062).",
                "Exit 0 all accepted, 2 problems found, 3 no such file/folder or no .json file."})
public final class ClinsValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|FOLDER", description = "A Bundle (.json) or a folder of Bundles.")
    Path input;

    @Option(names = "--institution", paramLabel = "CODE",
            description = "The registering facility's 医療機関コード (10 digits); default: the one in Bundle.identifier.")
    String institution;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = files(input);
        if (files.isEmpty()) {
            err.println(input + " に検査する .json ファイルがありません");
            return ClinsExitCodes.NO_INPUT;
        }
        if (institution != null && !institution.matches("[0-9]{10}")) {
            err.println("--institution には医療機関コード（数字10桁）を指定してください: " + institution);
            return ClinsExitCodes.NO_INPUT;
        }
        ClinsBundleCheck check = new ClinsBundleCheck(new ClinsFhir());
        int refused = 0;
        for (Path file : files) {
            ClinsBundleCheck.Result result = check.check(head(file), Optional.ofNullable(institution));
            if (result.accepted()) {
                out.println("OK " + file + ": " + result.resourceType() + " " + result.entries() + "件（"
                        + result.identifier() + "）" + (result.entries() == 0 ? " 削除用（Patientのみ）" : ""));
            } else {
                refused++;
                out.println("NG " + file + ": 問題 " + result.problems().size() + "件");
                ProblemLines.print(out, result.problems());
            }
        }
        out.println(files.size() + "件中 " + (files.size() - refused) + "件 受付可、" + refused + "件 問題あり");
        return refused == 0 ? ClinsExitCodes.OK : ClinsExitCodes.REFUSED;
    }

    /** The file, but never more than one byte past the 10 MiB limit: that is enough to report OQSF2004. */
    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(ClinsRegistrationService.MAX_BYTES + 1);
        }
    }

    private static List<Path> files(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(input)) {
            return listing.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        }
    }
}
