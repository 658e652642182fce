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
 * decide acceptance. With {@code --ig DIR} instead the official JP Core / JP-CLINS packages of DIR give their second
 * opinion through {@link OfficialValidator} (its own jar: the validator stack is not in oqs.jar, docs/clins.md).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks 5情報 Bundles (a .json file, or every .json file of a folder) against openoqs's registration "
                + "rules, printing each problem with its error code and FHIRPath.",
                "Not checked offline: whether the 被保険者個人識別子 names a registered person (OQSF2034/2035) and "
                        + "replace/delete against what is registered (OQSF2061/2062).",
                "With --ig DIR: the official FHIR packages (.tgz, e.g. JP Core and JP-CLINS from jpfhir.jp) in DIR "
                        + "validate the Bundles instead (HAPI's validator, oqs-clins-validator-exec.jar), errors and "
                        + "warnings printed; advisory only — openoqs's rules decide acceptance.",
                "Exit 0 all accepted (--ig: no errors), 2 problems found (--ig: errors, or a file that is not JSON), "
                        + "3 no such file/folder, no .json file, or no packages in DIR, "
                        + "6 the official validator jar is not there."})
public final class ClinsValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|FOLDER",
            description = "A Bundle (.json) or a folder of Bundles.")
    Path input;

    @Option(names = "--bundle", paramLabel = "FILE|FOLDER", description = "The same as the parameter.")
    Path bundle;

    @Option(names = "--ig", paramLabel = "DIR",
            description = "A folder of official FHIR packages (.tgz): validate with them instead of openoqs's rules.")
    Path ig;

    @Option(names = "--validator-jar", paramLabel = "JAR", description = "With --ig: the official validator "
            + "(default: " + OfficialValidator.JAR_NAME + " next to oqs.jar, or the build's in this checkout).")
    Path validatorJar;

    @Option(names = "--institution", paramLabel = "CODE",
            description = "The registering facility's 医療機関コード (10 digits); default: the one in Bundle.identifier.")
    String institution;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((input == null) == (bundle == null)) {
            err.println("検査する Bundle を、引数か --bundle のどちらか一方で指定してください");
            return ClinsExitCodes.NO_INPUT;
        }
        Path target = input != null ? input : bundle;
        List<Path> files = files(target);
        if (files.isEmpty()) {
            err.println(target + " に検査する .json ファイルがありません");
            return ClinsExitCodes.NO_INPUT;
        }
        if (ig != null) {
            return OfficialPackagesRun.run(ig, Optional.ofNullable(validatorJar), files, out, err);
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
